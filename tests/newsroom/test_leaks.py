"""Nothing private reaches a reader: a generative leak test over every public surface.

Content is planted in every state that hides it (never published, a newer draft, scheduled,
expired, embargoed, private by login, password or group, under a private section, moved under
one, deleted, an unpublished translation, consent missing, expired or withdrawn, an item shown
only in an unpublished, draft or private exhibition, a withheld photograph used as a hero, a card,
a body figure and a social image, documents attached to hidden products) for each content type it
applies to. Every secret carries a unique marker word, which it may never show, and a search key,
which readers search for (searching for the marker would only find it echoed back).

Then each reader walks every public surface: pages crawled from the three home pages, sitemaps,
feeds, the partner API, OAI-PMH with its resumption tokens, IIIF manifests, info.json and image
requests, exports, search and autocomplete, documents, media files, the untranslated-page notice,
and the addresses of the secrets themselves (guessed ids answer 404). The readers: an anonymous
visitor; another organisation's editor, who is signed in (so a login-only page is theirs to read,
a group- or password-only page is not) and also walks the admin's search, API, choosers and
revision views; and a reviewer who typed the password but has not confirmed the second factor
(who counts as anonymous). A secret's marker may appear only in what its reader may see.
"""

import io
import itertools
import json
import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import quote, unquote, urlsplit

import pytest
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction

from exhibitions.models import ExhibitionItem, ExhibitionPage
from home.models import CustomDocument, CustomImage, HomePage, Organisation, StandardPage
from library.models import LibraryPage, ProductPage
from news.models import ArticleIndexPage
from newsroom import roles
from tests.accounts import sign_in
from tests.factories import library as library_factory
from tests.factories import news as news_factory

pytestmark = pytest.mark.django_db
_numbers = itertools.count(1)

OWNER = "dai-phat-thanh-truyen-hinh-an-giang"  # the organisation every secret belongs to
READER_ORGANISATION = "bao-an-giang"  # the other organisation's editor walks as a reader
LIMIT = 900  # addresses per reader's walk
ANONYMOUS, EDITOR, UNVERIFIED = "anonymous", "other organisation's editor", "unverified reviewer"
#: Who may read a secret that is hidden only by a login restriction: signed-in, fully
#: authenticated people.
SIGNED_IN = frozenset({EDITOR})


@dataclass
class Secret:
    """One planted thing: the marker it must never show, the key readers search for, the readers
    who may see it anyway, and the addresses a reader could guess."""

    name: str
    allowed: frozenset = frozenset()
    published: bool = False  # its marker is in a published version (the admin may list it)
    urls: list = field(default_factory=list)
    admin_urls: list = field(default_factory=list)
    files: list = field(default_factory=list)  # media files that must not be served (404)

    @property
    def slug(self):
        return re.sub(r"[^a-z0-9]", "", self.name.lower())

    @property
    def marker(self):
        return f"zqleak{self.slug}x"

    @property
    def key(self):
        return f"zqfind{self.slug}x"

    def words(self):
        return f"{self.marker} {self.key}"


# --- planting ------------------------------------------------------------------------------


def _organisation(slug, locale="vi"):
    return Organisation.objects.get(locale__language_code=locale, slug=slug)


def _jpeg(colour=(120, 40, 40), size=(900, 600)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="JPEG")
    return buffer.getvalue()


def _image(secret=None, title="Ảnh công khai"):
    """An image; a secret's image carries its marker in the title, alt text and file name."""
    words = secret.words() if secret else ""
    name = f"{secret.marker}.jpg" if secret else "anh-cong-khai.jpg"
    image = CustomImage(title=f"{title} {words}".strip(), alt_text=f"Ảnh {words}".strip())
    image.file.save(name, ImageFile(io.BytesIO(_jpeg()), name=name), save=False)
    image.save()
    return image


def _document(secret):
    document = CustomDocument(title=f"Tài liệu {secret.words()}")
    document.file.save(f"{secret.marker}.txt", ContentFile(f"Nội dung {secret.words()}".encode()), save=False)
    document.save()
    return document


def _restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="mat-khau-rieng" if kind == "password" else ""
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get(name=roles.ADMINISTRATORS)])
    return restriction


def _private_section(model, parent, slug, **fields):
    section = model(title=f"Khu vực riêng {slug}", slug=slug, **fields)
    parent.add_child(instance=section)
    section.save_revision().publish()
    _restrict(section, PageViewRestriction.LOGIN)
    return section


class Planter:
    """Builds each content type in each state that hides it."""

    def __init__(self):
        self.secrets = []
        self.owner = _organisation(OWNER)
        self.home = HomePage.objects.get(locale__language_code="vi", depth=2)
        self.news = news_factory.section()
        self.private_news = _private_section(ArticleIndexPage, self.news, "tin-noi-bo")
        self.private_pages = _private_section(StandardPage, self.home, "trang-noi-bo")

    def secret(self, name, allowed=frozenset(), *, published=False):
        secret = Secret(name, allowed, published)
        self.secrets.append(secret)
        return secret

    # pages ----------------------------------------------------------------------------------

    def _article(self, text, *, publish=True, parent=None):
        page = news_factory.article(
            parent=parent, title=f"Bài {text}", publish=False, conventions=["CRC"], organisation=self.owner
        )
        page.body = [("paragraph", f"<p>Nội dung {text}</p>")]
        page.standfirst = f"Tóm tắt {text}"
        revision = page.save_revision()
        if publish:
            revision.publish()
        return Page.objects.get(pk=page.pk).specific

    def _product(self, text, *, publish=True, **fields):
        return library_factory.product(
            title=f"Sản phẩm {text}",
            conventions=["CRC"],
            provinces=["current-an-giang"],
            producer=OWNER,
            publish=publish,
            description=f"<p>Mô tả {text}</p>",
            **fields,
        )

    def _standard(self, text, *, publish=True, parent=None):
        page = StandardPage(
            title=f"Trang {text}",
            slug=f"trang-an-{next(_numbers)}",
            live=publish,
            intro=f"Giới thiệu {text}",
        )
        (parent or self.home).add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return Page.objects.get(pk=page.pk).specific

    def make(self, kind, text, **options):
        return {"article": self._article, "product": self._product, "page": self._standard}[kind](
            text, **options
        )

    def page_states(self):
        now = timezone.now()
        en = Locale.objects.get(language_code="en")
        for kind in ("article", "product", "page"):
            secret = self.secret(f"{kind} draft")
            self.guess_page(self.make(kind, secret.words(), publish=False), secret)

            secret = self.secret(f"{kind} newer draft")
            page = self.make(kind, secret.key)
            page.title = f"Bản nháp mới {secret.words()}"
            page.save_revision()
            self.guess_page(page, secret)

            secret = self.secret(f"{kind} scheduled")
            page = self.make(kind, secret.words(), publish=False)
            page.go_live_at = now + timedelta(days=30)
            page.save_revision().publish()
            self.guess_page(page, secret)

            secret = self.secret(f"{kind} expired", published=True)
            page = self.make(kind, secret.words(), publish=False)
            page.expire_at = now + timedelta(hours=1)
            page.save_revision().publish()
            Page.objects.filter(pk=page.pk).update(expire_at=now - timedelta(minutes=1))
            self.guess_page(page, secret)

            for restriction in (PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, "groups"):
                allowed = SIGNED_IN if restriction == PageViewRestriction.LOGIN else frozenset()
                secret = self.secret(f"{kind} private {restriction}", allowed, published=True)
                page = self.make(kind, secret.words())
                _restrict(page, restriction)
                self.guess_page(page, secret)

            secret = self.secret(f"{kind} deleted")
            page = self.make(kind, secret.words())
            self.guess_page(page, secret)
            Page.objects.get(pk=page.pk).delete()

            secret = self.secret(f"{kind} unpublished translation")
            page = self.make(kind, secret.key)
            translation = page.copy_for_translation(en)
            translation.title = f"Translation {secret.words()}"
            translation.save_revision()
            self.guess_page(translation, secret)

        for kind, section in (("article", self.private_news), ("page", self.private_pages)):
            secret = self.secret(f"{kind} under private section", SIGNED_IN, published=True)
            self.guess_page(self.make(kind, secret.words(), parent=section), secret)

            secret = self.secret(f"{kind} moved under private section", SIGNED_IN, published=True)
            page = self.make(kind, secret.words())
            Page.objects.get(pk=page.pk).move(section, pos="last-child")
            self.guess_page(Page.objects.get(pk=page.pk), secret)

        secret = self.secret("product embargoed")
        page = self._product(secret.words(), embargo_until=timezone.localdate() + timedelta(days=30))
        self.guess_page(page, secret)

        call_command("publish_scheduled", stdout=io.StringIO())  # what the scheduler runs each minute

    def guess_page(self, page, secret):
        """A hidden page's own addresses: its URL, its untranslated notice, its API/OAI records."""
        page = Page.objects.filter(pk=page.pk).first()
        if page is None:
            return
        url = page.get_url()
        if url:
            secret.urls.append(url)
        secret.urls.append(f"/{page.locale.language_code}/untranslated/{page.pk}/")
        secret.admin_urls += [
            f"/admin/pages/{page.pk}/revisions/compare/earliest...latest/",
            f"/admin/pages/{page.pk}/history/",
            f"/admin/api/main/pages/{page.pk}/",
        ]
        specific = page.specific
        if isinstance(specific, ProductPage):
            secret.urls += [
                f"/api/v1/products/{specific.identifier}/",
                f"/api/v1/products/{specific.identifier}/?lang=en",
                "/oai/?verb=GetRecord&metadataPrefix=oai_dc&identifier="
                f"oai:testserver:{quote(specific.identifier)}",
            ]

    # products' files ------------------------------------------------------------------------------

    def documents(self):
        for state in ("draft", "embargoed"):
            secret = self.secret(f"document of {state} product")
            document = _document(secret)
            options = {"publish": False} if state == "draft" else {}
            if state == "embargoed":
                options["embargo_until"] = timezone.localdate() + timedelta(days=30)
            product = self._product(secret.words(), **options)
            product.attachments = [("document", document)]
            revision = product.save_revision()
            if state == "embargoed":
                revision.publish()
            secret.urls.append(document.url)
            secret.files.append(document.file.name)

        secret = self.secret("document linked from draft article")
        document = _document(secret)
        page = self._article(secret.words(), publish=False)
        page.body = [
            (
                "paragraph",
                f'<p><a linktype="document" id="{document.pk}">Tệp {secret.words()}</a></p>',
            )
        ]
        page.save_revision()
        secret.urls.append(document.url)
        secret.files.append(document.file.name)

    # exhibitions, items and photographs -------------------------------------------------------

    def _item(self, secret=None, *, image=None, **fields):
        text = secret.words() if secret else "công khai"
        item = ExhibitionItem(
            locale=Locale.get_default(),
            image=image or _image(),
            title=f"Hiện vật {text}",
            caption=f"Chú thích {text}",
            organisation=self.owner,
            live=False,
            **fields,
        )
        item.save()
        if secret:
            secret.admin_urls += [
                f"/admin/snippets/exhibitions/exhibitionitem/history/{item.pk}/",
                f"/admin/snippets/exhibitions/exhibitionitem/revisions/{item.pk}/compare/earliest...latest/",
            ]
        return item

    def _exhibition(self, title, items, *, publish=True, hero=None):
        index = Page.objects.get(
            locale__language_code="vi", content_type__model="exhibitionindexpage"
        ).specific
        page = ExhibitionPage(
            title=title,
            slug=f"trien-lam-{next(_numbers)}",
            introduction="<p>Giới thiệu triển lãm.</p>",
            organisation=self.owner,
            hero_image=hero,
            sections=[("section", {"title": "Phòng một", "text": "", "items": items})],
            live=publish,
        )
        index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return ExhibitionPage.objects.get(pk=page.pk)

    def exhibition_states(self):
        today = timezone.localdate()
        items = []

        secret = self.secret("item never published")
        items.append(self._item(secret))
        self.guess_item(items[-1], secret)

        secret = self.secret("item newer draft")
        item = self._item()
        item.save_revision().publish()
        item.caption = f"Chú thích mới {secret.words()}"
        item.save_revision()
        items.append(item)
        self.guess_item(item, secret)
        secret.urls.clear()  # the published version is public: only the draft must not be

        consent = {
            "consent missing": {"identifiable_people": True, "consent_held": False},
            "consent expired": {
                "identifiable_people": True,
                "consent_held": True,
                "consent_until": today - timedelta(days=1),
            },
            "child consent withdrawn": {"child_present": True, "consent_held": True},
        }
        withheld = []
        for state, fields in consent.items():
            secret = self.secret(f"item {state}", published=True)
            image = _image(secret)
            item = self._item(secret, image=image, **fields)
            item.save_revision().publish()
            if state == "child consent withdrawn":  # recorded after publishing
                ExhibitionItem.objects.filter(pk=item.pk).update(consent_held=False)
            items.append(item)
            withheld.append(image)
            self.guess_item(item, secret)

        # The withheld photographs in every role a public image has: the hero of a live
        # exhibition (its index card, page, item pages, og:image), the hero of a live article
        # (cards, page, social image), a standard page's hero and a body figure.
        public_item = self._item()
        public_item.save_revision().publish()
        self._exhibition("Triển lãm công khai", [*items, public_item], hero=withheld[1])
        news_factory.article(title="Bài có ảnh bị giữ lại", image=withheld[0], organisation=self.owner)
        self.home.refresh_from_db()
        page = StandardPage(
            title="Trang có hình bị giữ lại",
            slug="trang-co-hinh-bi-giu-lai",
            body=[("figure", {"image": withheld[2], "caption": "", "credit": ""})],
            hero_image=withheld[2],
        )
        self.home.add_child(instance=page)
        page.save_revision().publish()
        for secret, image in zip(self.secrets[-3:], withheld, strict=True):
            self.withhold_files(secret, image)

        for state in ("unpublished", "draft", "private"):
            secret = self.secret(f"item only in {state} exhibition", published=True)
            item = self._item(secret)
            item.save_revision().publish()
            exhibition_secret = self.secret(f"exhibition {state}", published=state == "private")
            exhibition = self._exhibition(
                f"Triển lãm {exhibition_secret.words()}", [item], publish=state != "draft"
            )
            if state == "unpublished":
                exhibition.unpublish()
            if state == "private":
                _restrict(exhibition, "groups")
            self.guess_item(item, secret)
            self.guess_page(exhibition, exhibition_secret)
            exhibition_secret.urls.append(f"/iiif/manifests/{exhibition.translation_key}.json")

    def guess_item(self, item, secret):
        key = item.translation_key
        secret.urls += [
            f"/iiif/3/{key}/info.json",
            f"/iiif/3/{key}/full/max/0/default.jpg",
            f"/iiif/3/{key}/0,0,256,256/256,/0/default.jpg",
        ]

    def withhold_files(self, secret, image):
        """Every file of a withheld image, including renditions an editor's chooser made."""
        image.get_rendition("max-165x165")  # the admin's chooser thumbnail
        image.get_rendition("fill-640x360|format-webp")
        secret.files.append(image.file.name)
        secret.files += [rendition.file.name for rendition in image.renditions.all()]


@pytest.fixture
def planted(seeded):
    planter = Planter()
    planter.page_states()
    planter.documents()
    planter.exhibition_states()
    return planter.secrets


@pytest.fixture
def readers(seeded):
    User = get_user_model()
    editor = User.objects.create_user("bientap-khac", "bientap-khac@example.org", "mat-khau-dai-kiem-thu")
    editor.groups.set(
        [Group.objects.get(team__organisation_key=_organisation(READER_ORGANISATION).translation_key)]
    )
    reviewer = User.objects.create_user("kiemduyet-chua-xac-thuc", "kd@example.org", "mat-khau-dai-kiem-thu")
    reviewer.groups.set([Group.objects.get(name=roles.REVIEWERS)])
    clients = {ANONYMOUS: Client(), EDITOR: Client(), UNVERIFIED: Client()}
    sign_in(clients[EDITOR], editor)
    clients[UNVERIFIED].force_login(reviewer)  # the password, not yet the second factor
    return clients


# --- walking -------------------------------------------------------------------------------------

LINK = re.compile(r"""(?:href|src|srcset|content)=["']([^"'#]+)|<loc>([^<]+)</loc>|<link>([^<]+)</link>""")
TOKEN = re.compile(r"<resumptionToken[^>]*>([^<]+)</resumptionToken>")
NEXT = re.compile(r'"next":\s*"([^"]+)"')
IIIF_ID = re.compile(r'"id":\s*"([^"]+)"')
SKIP = ("/admin/", "/static/", "/favicon.ico")


def _local(url):
    url = url.strip().split(" ")[0]  # a srcset candidate
    parts = urlsplit(unquote(url.replace("&amp;", "&")))
    if parts.netloc and parts.netloc not in ("testserver", "localhost"):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if not path.startswith("/") or path.startswith(SKIP):
        return None
    return path


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def _start(secrets):
    start = [
        "/vi/",
        "/en/",
        "/km/",
        "/sitemap.xml",
        "/robots.txt",
        "/vi/feeds/rss/",
        "/vi/feeds/atom/",
        "/en/feeds/atom/",
        "/api/v1/products/?page_size=100",
        "/api/v1/products/?page_size=100&lang=en",
        "/api/v1/products/?page_size=100&lang=km",
        "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
        "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc",
        "/oai/?verb=ListSets",
    ]
    for library in LibraryPage.objects.live():
        start += [f"{library.url}export/{fmt}/" for fmt in ("csv", "json", "xlsx")]
    for exhibition in ExhibitionPage.objects.all():
        start.append(f"/iiif/manifests/{exhibition.translation_key}.json")
    for secret in secrets:
        for language in ("vi", "en", "km"):
            start += [
                f"/{language}/search/?q={secret.key}",
                f"/{language}/search/?q={secret.key}&scope=all",
                f"/{language}/search/suggest/?q={secret.key[:-1]}",
            ]
        start += [f"/api/v1/products/?q={secret.key}", *secret.urls]
    return start


def walk(client, start):
    """Every address reachable from ``start``: ``{path: (status, text)}``."""
    seen, queue = {}, list(dict.fromkeys(start))
    while queue and len(seen) < LIMIT:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        text = _body(response).decode("utf-8", errors="replace")
        seen[path] = (response.status_code, text)
        if response.status_code in (301, 302) and _local(response["Location"]):
            queue.append(_local(response["Location"]))
        if response.status_code != 200 or path.startswith("/media/"):
            continue
        found = [next(filter(None, groups)) for groups in LINK.findall(text)]
        found += [
            candidate for match in re.findall(r'srcset="([^"]+)"', text) for candidate in match.split(",")
        ]
        found += [f"/oai/?verb=ListRecords&resumptionToken={token}" for token in TOKEN.findall(text)]
        found += NEXT.findall(text)
        if path.startswith("/iiif/manifests/"):
            found += [
                f"{url}/info.json"
                for url in IIIF_ID.findall(text)
                if "/iiif/3/" in url and url.count("/") == 5
            ]
        queue.extend(local for local in map(_local, found) if local and local not in seen)
    return seen


def media_status(client, name):
    """How a reader's request for a stored file is answered. Where no view of the site routes
    ``/media/`` (it did not until the site served media through a checking view), the deployment's
    web server or bucket serves the storage's files as they are: a stored file is then public."""
    url = f"/media/{name}"
    try:
        resolve(url)
    except Resolver404:
        return 200 if default_storage.exists(name) else 404
    return client.get(url).status_code


def _admin_start(secrets):
    start = []
    for secret in secrets:
        start += [
            f"/admin/pages/search/?q={secret.key}",
            f"/admin/api/main/pages/?search={secret.key}",
            f"/admin/api/main/pages/?search={secret.key}&fields=title,admin_display_title",
            f"/admin/choose-page/search/?q={secret.key}",
            f"/admin/snippets/exhibitions/exhibitionitem/?q={secret.key}",
            f"/admin/images/?q={secret.key}",
            f"/admin/documents/?q={secret.key}",
            *secret.admin_urls,
        ]
    return start


def _without_echo(seen):
    """Each response's text without the address it answered (a 404 page or a language switcher may
    repeat the requested path, which a guessed address fills with a secret's file name)."""
    shown = {}
    for path, (_status, text) in seen.items():
        for form in {path, quote(path, safe="/?=&:"), path.replace("&", "&amp;")}:
            text = text.replace(form, "")
        shown[path] = text
    return shown


def leaks_for(reader, client, secrets):
    seen = walk(client, _start(secrets))
    assert len(seen) > 150, f"{reader} reached only {len(seen)} addresses"
    errors = {path: status for path, (status, _text) in seen.items() if status >= 500}
    assert not errors, f"{reader}: server errors {errors}"
    # In the admin, another organisation's published content is theirs to see: only what was never
    # published (or its newer draft) is looked for there, so only those secrets are walked.
    unpublished = [secret for secret in secrets if not secret.published]
    admin = walk(client, _admin_start(unpublished)) if reader == EDITOR else {}
    shown, admin_shown = _without_echo(seen), _without_echo(admin)
    found = []
    for secret in secrets:
        if reader not in secret.allowed:
            found += [f"{secret.name}: {path}" for path, text in shown.items() if secret.marker in text]
            for url in secret.urls:
                status = seen.get(url, (404, ""))[0]
                if url.startswith("/iiif/3/") and status != 404:
                    found.append(f"{secret.name}: {url} answered {status}")
            for name in secret.files:
                status = media_status(client, name)
                if status != 404:
                    found.append(f"{secret.name}: /media/{name} answered {status}")
        if not secret.published:
            found += [f"{secret.name}: {path}" for path, text in admin_shown.items() if secret.marker in text]
    return found


def test_no_reader_finds_anything_they_may_not_see(planted, readers):
    leaks = {reader: leaks_for(reader, client, planted) for reader, client in readers.items()}
    report = os.environ.get("LEAK_REPORT")
    if report:  # the whole list, to read when the walk finds something
        with open(report, "w", encoding="utf-8") as out:
            json.dump(leaks, out, ensure_ascii=False, indent=1)
    assert leaks == {reader: [] for reader in readers}
