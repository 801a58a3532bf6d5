"""The visibility rule (home.visibility) and the checking file view (newsroom.media), piece by piece.
The generative walk over every surface is tests/newsroom/test_leaks.py."""

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from exhibitions.models import ExhibitionItem, ExhibitionPage
from home import visibility
from home.models import CustomDocument, CustomImage
from search.models import SearchDocument
from tests.factories import library as library_factory
from tests.factories import news as news_factory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _image(name="anh.jpg"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 600), (30, 90, 160)).save(buffer, format="JPEG")
    image = CustomImage(title=f"Ảnh {name}", alt_text=f"Mô tả {name}")
    image.file.save(name, ImageFile(buffer, name=name), save=False)
    image.save()
    return image


def _item(image, **fields):
    item = ExhibitionItem(locale=Locale.get_default(), image=image, title="Hiện vật", live=False, **fields)
    item.save()
    return item


@pytest.mark.parametrize(
    ("fields", "withheld"),
    [
        ({}, False),
        ({"identifiable_people": True}, True),
        ({"identifiable_people": True, "consent_held": True, "consent_until": TODAY}, False),
        (
            {"identifiable_people": True, "consent_held": True, "consent_until": TODAY - timedelta(days=1)},
            True,
        ),
        ({"child_present": True, "consent_held": True}, False),
        ({"child_present": True, "consent_held": False}, True),
    ],
)
def test_a_photograph_is_withheld_while_any_item_showing_it_lacks_valid_consent(seeded, fields, withheld):
    image = _image()
    _item(image, **fields)
    assert visibility.image_is_public(image) is not withheld
    assert (visibility.public_image(image) is None) is withheld


def test_a_withheld_photograph_leaves_no_trace_on_pages_cards_and_link_previews(seeded, client):
    image = _image("anh-tre-em-bi-giu-lai.jpg")
    article = news_factory.article(title="Bài có ảnh", image=image)
    _item(image, child_present=True)
    for url in (article.url, news_factory.section().url):
        html = client.get(url).content.decode()
        assert "anh-tre-em-bi-giu-lai" not in html and "Mô tả anh-tre-em" not in html, url
    assert 'property="og:image"' not in client.get(article.url).content.decode()


def test_files_are_served_only_through_the_rule(seeded, client, admin_client):
    reader = Client()
    image = _image("anh-cong-khai.jpg")
    rendition = image.get_rendition("fill-300x200")
    assert rendition.url == f"/media/{rendition.file.name}"
    response = reader.get(rendition.url)
    assert response.status_code == 200 and response["Cache-Control"].startswith("public")
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"  # the JPEG itself
    modified = response["Last-Modified"]
    assert reader.get(rendition.url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert reader.get(image.file.url).status_code == 404  # originals are for editors
    assert admin_client.get(image.file.url).status_code == 200

    _item(image, identifiable_people=True)  # consent missing: withheld
    assert reader.get(rendition.url).status_code == 404
    editor_response = admin_client.get(rendition.url)
    assert editor_response.status_code == 200 and editor_response["Cache-Control"] == "private, no-store"

    for guessed in (
        "/media/images/no-such-file.jpg",
        "/media/../cms/settings/base.py",
        "/media/%00",
        "/media/",
    ):
        assert reader.get(guessed).status_code == 404, guessed


def _document(name):
    document = CustomDocument(title=name)
    document.file.save(name, ContentFile(b"noi dung"), save=False)
    document.save()
    return document


def test_documents_download_only_when_a_public_page_offers_them(seeded, admin_client):
    reader = Client()
    offered, drafted, unused, private = (_document(f"{name}.txt") for name in ("co", "nhap", "le", "rieng"))
    product = library_factory.product(title="Có tệp")
    product.attachments = [("document", offered), ("document", private)]
    product.save_revision().publish()
    draft = library_factory.product(title="Nháp có tệp", publish=False)
    draft.attachments = [("document", drafted)]
    draft.save_revision()
    root = Collection.get_first_root_node()
    hidden = root.add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(
        collection=hidden, restriction_type=CollectionViewRestriction.LOGIN
    )
    private.collection = hidden
    private.save()

    assert reader.get(offered.url).status_code == 200
    assert reader.get(f"/media/{offered.file.name}").status_code == 200  # the audio/video players' address
    for document in (drafted, unused):
        assert reader.get(document.url).status_code == 404, document.title
        assert reader.get(f"/media/{document.file.name}").status_code == 404, document.title
    assert admin_client.get(drafted.url).status_code == 200  # editors preview drafts' files
    # A login-only collection: offered by a public page, so Wagtail's own rule answers (sign in).
    assert reader.get(private.url).status_code == 302
    assert reader.get(f"/media/{private.file.name}").status_code == 404
    signed_in = Client()
    signed_in.force_login(get_user_model().objects.create_user("docgia-tai-lieu", password="x" * 16))
    assert signed_in.get(private.url).status_code == 200
    assert signed_in.get(f"/media/{private.file.name}").status_code == 200


def test_items_follow_their_exhibitions_into_privacy_and_back(seeded):
    reader = Client()
    exhibition = ExhibitionPage.objects.get(locale__language_code="vi")
    key = next(k for k in exhibition.item_keys() if ExhibitionItem.objects.public().filter(translation_key=k))
    info = f"/iiif/3/{key}/info.json"
    item_documents = SearchDocument.objects.filter(kind="item", translation_key=key)
    assert reader.get(info).status_code == 200 and item_documents.exists()

    restrictions = [  # every language's exhibition: the item's image service is shared by all
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        for page in exhibition.get_translations(inclusive=True)
    ]
    assert reader.get(info).status_code == 404
    assert not item_documents.exists()
    for restriction in restrictions:
        restriction.delete()
    assert reader.get(info).status_code == 200
    assert item_documents.count() == 3


def test_a_page_moved_into_a_private_section_leaves_search_at_once(seeded):
    article = news_factory.article(title="Bài sẽ chuyển vào khu vực riêng")
    section = news_factory.section()
    private = section.add_child(instance=type(section)(title="Nội bộ", slug="noi-bo-chuyen"))
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert SearchDocument.objects.filter(object_id=article.pk, kind="article").exists()
    article.move(private, pos="last-child")
    assert not SearchDocument.objects.filter(object_id=article.pk, kind="article").exists()


def test_no_surface_decides_visibility_on_its_own():
    """Every surface asks home.visibility: no other module filters pages ``live().public()`` or
    compares embargo dates by hand."""
    root = Path(__file__).resolve().parents[2]
    pattern = re.compile(r"\.live\(\)\s*\.public\(\)|\.public\(\)\s*\.live\(\)|embargo_until__")
    offenders = []
    for path in root.glob("*/**/*.py"):
        relative = path.relative_to(root).as_posix()
        if relative.startswith((".venv/", "tests/", "bench/")) or "/migrations/" in relative:
            continue
        if relative == "home/visibility.py":
            continue
        text = path.read_text(encoding="utf-8")
        offenders += [f"{relative}: {match.group(0)}" for match in pattern.finditer(re.sub(r"\s+", "", text))]
    assert offenders == []


def test_the_image_chooser_warns_editors_about_withheld_photographs(seeded, admin_client):
    withheld, shown = _image("anh-giu-lai.jpg"), _image("anh-duoc-dung.jpg")
    _item(withheld, identifiable_people=True)
    html = admin_client.get("/admin/images/chooser/").json()["html"]
    chunks = html.split("<li>")
    warned = [chunk for chunk in chunks if "image-withheld" in chunk]
    assert any(withheld.title in chunk for chunk in warned)
    assert any(shown.title in chunk for chunk in chunks) and not any(shown.title in chunk for chunk in warned)


def _editor_of(slug, username):
    from django.contrib.auth.models import Group

    from home.models import Organisation
    from tests.accounts import sign_in

    organisation = Organisation.objects.get(slug=slug, locale=Locale.get_default())
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "mat-khau-dai-kiem-thu")
    user.groups.set([Group.objects.get(team__organisation_key=organisation.translation_key)])
    client = Client()
    sign_in(client, user)
    return organisation, user, client


def test_files_the_public_may_not_see_stay_with_the_organisation_they_belong_to(seeded):
    """A withheld photograph and a document attached only to a draft are the owning organisation's
    until published: another organisation's editor, who shares the image and document library,
    neither fetches their files nor is offered the photograph in the chooser."""
    owner, owner_user, own = _editor_of("dai-phat-thanh-truyen-hinh-an-giang", "bientap-dai")
    _other_org, _other_user, other = _editor_of("bao-an-giang", "bientap-bao")
    public, withheld = _image("anh-chung.jpg"), _image("anh-tre-em.jpg")
    _item(withheld, child_present=True, organisation=owner)  # consent missing
    thumbnail = withheld.get_rendition("max-165x165")
    document = _document("ke-hoach-nhap.txt")
    draft = library_factory.product(title="Nháp của đài", producer=owner.slug, publish=False)
    draft.attachments = [("document", document)]
    draft.save_revision()
    document.uploaded_by_user = owner_user
    document.save()

    for client, allowed in ((own, True), (other, False)):
        expected = 200 if allowed else 404
        assert client.get(thumbnail.url).status_code == expected
        assert client.get(withheld.file.url).status_code == expected
        assert client.get(document.url).status_code == expected
        assert client.get(f"/media/{document.file.name}").status_code == expected
        assert client.get(public.file.url).status_code == 200  # an original the public sees renditions of
        chooser = client.get("/admin/images/chooser/").json()["html"]
        assert (withheld.title in chooser) is allowed
        assert public.title in chooser
