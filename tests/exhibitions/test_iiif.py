"""IIIF: the Image API 3.0 (checked by the official validator over HTTP) and Presentation 3.0
manifests (loaded with iiif-prezi3), serving only what the public may see."""

import io
from datetime import timedelta

import pytest
from iiif_prezi3 import Manifest
from iiif_validator.validator import ImageAPI, ValidationInfo
from iiif_validator.validator import TestSuite as ValidatorSuite
from PIL import Image

from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.models import Locale, Page

from exhibitions import iiif, iiif_image
from exhibitions.models import ExhibitionIndexPage, ExhibitionItem, ExhibitionPage
from home.models import CustomImage

# Tests of the official validator that exercise features the server does not claim. (Its WebP test
# is Python 2 code, so WebP output is checked by test_image_requests instead.)
UNCLAIMED = {"format_gif", "format_jp2", "format_pdf", "format_tif", "rot_full_non90", "rot_region_non90"}
UNCLAIMED |= {"size_up", "linkheader_canonical", "info_xml", "format_conneg"}


def _image_file(picture, name="picture.jpg", **save_options):
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=95, **save_options)
    image = CustomImage(title=name)
    image.file.save(name, ImageFile(buffer, name=name), save=False)
    image.save()
    return image


def _item(image, **fields):
    item = ExhibitionItem(
        locale=Locale.get_default(), image=image, title=fields.pop("title", "Item"), **fields
    )
    item.save()
    return item


def _exhibit(*items):
    """Hang ``items`` in a published exhibition: an item is public only where a public exhibition
    shows it (home.visibility)."""
    index = ExhibitionIndexPage.objects.first()
    if index is None:
        index = Page.get_first_root_node().add_child(
            instance=ExhibitionIndexPage(title="Triển lãm IIIF", slug="trien-lam-iiif")
        )
    number = ExhibitionPage.objects.count() + 1
    page = index.add_child(
        instance=ExhibitionPage(
            title=f"Triển lãm {number}",
            slug=f"trien-lam-iiif-{number}",
            sections=[("section", {"title": "Phòng", "text": "", "items": list(items)})],
        )
    )
    page.save_revision().publish()
    return page


def validator_picture():
    """The official validator's test image: a 10 × 10 grid of 100-pixel squares of known colours."""
    picture = Image.new("RGB", (1000, 1000))
    colours = ValidationInfo().colorInfo
    for x in range(10):
        for y in range(10):
            picture.paste(colours[x][y], (x * 100, y * 100, x * 100 + 100, y * 100 + 100))
    return picture


# --- the request grammar, without a server -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("full", (0, 0, 1000, 600)),
        ("square", (200, 0, 600, 600)),
        ("10,20,30,40", (10, 20, 30, 40)),
        ("900,500,500,500", (900, 500, 100, 100)),
        ("pct:10,50,50,50", (100, 300, 500, 300)),
    ],
)
def test_regions(text, expected):
    assert iiif_image.parse_region(text, 1000, 600) == expected


@pytest.mark.parametrize(
    "text", ["", "0,0,0,10", "1000,0,10,10", "pct:101,0,1,1", "a,b,c,d", "-1,0,5,5", "max"]
)
def test_bad_regions(text):
    with pytest.raises(iiif_image.BadRequest):
        iiif_image.parse_region(text, 1000, 600)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("max", (1000, 600)),
        ("500,", (500, 300)),
        (",300", (500, 300)),
        ("200,200", (200, 200)),
        ("!500,500", (500, 300)),
        ("pct:50", (500, 300)),
        ("^2000,", (2000, 1200)),
        ("^max", (4096, 2458)),
    ],
)
def test_sizes(text, expected):
    assert iiif_image.parse_size(text, 1000, 600) == expected


@pytest.mark.parametrize(
    "text", ["full", "2000,", "0,", ",0", "!500,", "pct:0", "^9000,", "abc", ",", "pct:200"]
)
def test_bad_sizes(text):
    with pytest.raises(iiif_image.BadRequest):
        iiif_image.parse_size(text, 1000, 600)


def test_rotation_quality_and_format():
    assert iiif_image.parse_rotation("!90") == (90, True)
    for bad in ("45", "-90", "360", "!", "x"):
        with pytest.raises(iiif_image.BadRequest):
            iiif_image.parse_rotation(bad)
    with pytest.raises(iiif_image.BadRequest):
        iiif_image.parse("full", "max", "0", "sepia", "jpg", width=10, height=10)
    with pytest.raises(iiif_image.BadRequest):
        iiif_image.parse("full", "max", "0", "default", "bmp", width=10, height=10)


@pytest.mark.parametrize(
    ("spec", "canonical"),
    [
        (("full", "max", "0", "default", "jpg"), "full/max/0/default.jpg"),
        (("0,0,1000,600", "1000,", "0.0", "default", "jpg"), "full/max/0/default.jpg"),
        (("square", "!100,100", "90", "gray", "png"), "200,0,600,600/100,100/90/gray.png"),
        (("pct:0,0,50,50", ",150", "!180", "color", "webp"), "0,0,500,300/250,150/!180/color.webp"),
        (("full", "pct:50", "270", "bitonal", "png"), "full/500,300/270/bitonal.png"),
        (("10,10,20,20", "^40,", "0", "default", "jpg"), "10,10,20,20/^40,40/0/default.jpg"),
        (("full", "^max", "0", "default", "jpg"), "full/^max/0/default.jpg"),
    ],
)
def test_canonical_form(spec, canonical):
    request = iiif_image.parse(*spec, width=1000, height=600)
    assert iiif_image.canonical(request, 1000, 600) == canonical


@pytest.mark.parametrize(
    ("text", "uri"),
    [
        ("CC BY 4.0", "http://creativecommons.org/licenses/by/4.0/"),
        ("CC-BY-SA-4.0", "http://creativecommons.org/licenses/by-sa/4.0/"),
        ("cc by-nc-nd 3.0", "http://creativecommons.org/licenses/by-nc-nd/3.0/"),
        ("CC BY-NC", "http://creativecommons.org/licenses/by-nc/4.0/"),
        ("Creative Commons Attribution-ShareAlike 4.0", "http://creativecommons.org/licenses/by-sa/4.0/"),
        (
            "https://creativecommons.org/licenses/by-nd/4.0/deed.vi",
            "http://creativecommons.org/licenses/by-nd/4.0/",
        ),
        ("CC0-1.0", "http://creativecommons.org/publicdomain/zero/1.0/"),
        (
            "https://creativecommons.org/publicdomain/zero/1.0/",
            "http://creativecommons.org/publicdomain/zero/1.0/",
        ),
        ("Public domain", "http://creativecommons.org/publicdomain/mark/1.0/"),
        (
            "https://rightsstatements.org/page/NoC-US/1.0/?language=en",
            "http://rightsstatements.org/vocab/NoC-US/1.0/",
        ),
        ("http://rightsstatements.org/vocab/inc-edu/1.0/", "http://rightsstatements.org/vocab/InC-EDU/1.0/"),
        ("", iiif.IN_COPYRIGHT),
        ("all-rights-reserved", iiif.IN_COPYRIGHT),
        ("© Báo An Giang", iiif.IN_COPYRIGHT),
        ("CC BY-SA-ND 4.0", iiif.IN_COPYRIGHT),  # no such licence
        ("https://creativecommons.org/licenses/by/9.0/", iiif.IN_COPYRIGHT),
        ("http://rightsstatements.org/vocab/XYZ/1.0/", iiif.IN_COPYRIGHT),
    ],
)
def test_rights_text_becomes_a_uri(text, uri):
    assert iiif.rights_uri(text) == uri


def test_a_whole_keeps_a_licence_only_its_parts_share():
    by = "http://creativecommons.org/licenses/by/4.0/"
    assert iiif.combined_rights([by, by]) == by
    assert iiif.combined_rights([by, "http://creativecommons.org/licenses/by-sa/4.0/"]) == iiif.IN_COPYRIGHT
    assert iiif.combined_rights([]) == iiif.IN_COPYRIGHT


def test_render_honours_exif_orientation_and_crops_in_displayed_coordinates():
    raw = Image.new("RGB", (200, 100), (255, 0, 0))
    raw.paste((0, 0, 255), (0, 0, 100, 100))  # left half blue in the stored pixels
    exif = Image.Exif()
    exif[0x0112] = 6  # displayed rotated 90° clockwise: the blue half is on top
    buffer = io.BytesIO()
    raw.save(buffer, format="JPEG", exif=exif, quality=95)
    with Image.open(io.BytesIO(buffer.getvalue())) as opened:
        assert iiif_image.oriented_size(opened) == (100, 200)
        request = iiif_image.parse("0,0,100,100", "max", "0", "default", "png", width=100, height=200)
        data = iiif_image.render(opened, request)
    top = Image.open(io.BytesIO(data)).convert("RGB").getpixel((50, 50))
    assert top[2] > 200 and top[0] < 60


# --- the endpoints ---------------------------------------------------------------------------


@pytest.fixture
def photo(db):
    picture = Image.new("RGB", (1600, 1200), (20, 120, 200))
    item = _item(_image_file(picture, "photo.jpg"), title="Ảnh thử")
    _exhibit(item)
    return item


@pytest.mark.django_db
def test_info_json_describes_the_image_for_viewers(client, photo):
    response = client.get(f"/iiif/3/{photo.translation_key}/info.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["id"] == f"http://testserver/iiif/3/{photo.translation_key}"
    assert (body["width"], body["height"], body["profile"]) == (1600, 1200, "level2")
    assert body["rights"] == "http://rightsstatements.org/vocab/InC/1.0/"  # no licence given
    assert body["tiles"][0]["scaleFactors"] == [1, 2, 4]
    ld = client.get(f"/iiif/3/{photo.translation_key}/info.json", HTTP_ACCEPT="application/ld+json")
    assert ld["Content-Type"].startswith("application/ld+json")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("spec", "size", "content_type"),
    [
        ("full/max/0/default.jpg", (1600, 1200), "image/jpeg"),
        ("full/400,/0/default.webp", (400, 300), "image/webp"),
        ("square/!100,100/90/gray.png", (100, 100), "image/png"),
        ("100,100,512,512/256,/0/default.jpg", (256, 256), "image/jpeg"),
        ("pct:0,0,50,50/,150/!180/color.jpg", (200, 150), "image/jpeg"),
    ],
)
def test_image_requests(client, photo, spec, size, content_type):
    response = client.get(f"/iiif/3/{photo.translation_key}/{spec}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == content_type
    assert Image.open(io.BytesIO(response.content)).size == size


@pytest.mark.django_db
@pytest.mark.parametrize(
    "spec",
    [
        "nonsense/max/0/default.jpg",
        "full/huge/0/default.jpg",
        "full/max/45/default.jpg",
        "full/max/0/sepia.jpg",
        "full/max/0/default.bmp",
        "full/3200,/0/default.jpg",
        "0,0,0,0/max/0/default.jpg",
        "5000,0,10,10/max/0/default.jpg",
        "full/^99999,/0/default.jpg",
    ],
)
def test_malformed_requests_are_400(client, photo, spec):
    response = client.get(f"/iiif/3/{photo.translation_key}/{spec}")
    assert response.status_code == 400
    assert response.content  # says what is wrong


@pytest.mark.django_db
def test_unknown_draft_and_withheld_images_are_404(client, photo):
    for identifier in ("not-a-uuid", "00000000-0000-0000-0000-000000000000", "[frob]"):
        assert client.get(f"/iiif/3/{identifier}/info.json").status_code == 404
    ExhibitionItem.objects.filter(pk=photo.pk).update(live=False)
    assert client.get(f"/iiif/3/{photo.translation_key}/info.json").status_code == 404
    assert client.get(f"/iiif/3/{photo.translation_key}/full/max/0/default.jpg").status_code == 404
    ExhibitionItem.objects.filter(pk=photo.pk).update(live=True, child_present=True, consent_held=False)
    assert client.get(f"/iiif/3/{photo.translation_key}/full/max/0/default.jpg").status_code == 404


@pytest.mark.django_db
def test_consent_ending_today_limits_caching_and_tomorrow_withdraws(client, photo):
    today = timezone.localdate()
    ExhibitionItem.objects.filter(pk=photo.pk).update(
        identifiable_people=True, consent_held=True, consent_until=today
    )
    response = client.get(f"/iiif/3/{photo.translation_key}/full/200,/0/default.jpg")
    assert response.status_code == 200
    max_age = int(response["Cache-Control"].split("max-age=")[1])
    assert max_age <= 24 * 3600 and max_age <= 3600
    ExhibitionItem.objects.filter(pk=photo.pk).update(consent_until=today - timedelta(days=1))
    assert client.get(f"/iiif/3/{photo.translation_key}/full/200,/0/default.jpg").status_code == 404


@pytest.mark.django_db
def test_base_uri_redirects_to_info_json(client, photo):
    response = client.get(f"/iiif/3/{photo.translation_key}")
    assert response.status_code == 303
    assert response["Location"].endswith(f"/iiif/3/{photo.translation_key}/info.json")


@pytest.mark.django_db(transaction=True)
def test_official_validator_passes_level_1_and_the_extra_features(live_server):
    item = _item(_image_file(validator_picture(), "67352ccc-d1b0-11e1-89ae-279075081939.jpg"))
    _exhibit(item)
    host = live_server.url.removeprefix("http://")
    tests = ValidatorSuite(ValidationInfo()).list_tests("3.0")
    wanted = [name for name, info in tests.items() if name not in UNCLAIMED and info["level"] <= 2]
    assert {"info_json", "id_squares", "region_pixels", "size_wc", "size_ch", "cors"} <= set(wanted)
    failures = {}
    for name in wanted:
        result = ImageAPI(str(item.translation_key), host, "iiif/3", "http", "", "3.0", debug=False)
        ValidatorSuite(ValidationInfo()).run_test(name, result)
        if result.exception and not result.exception.warning:
            failures[name] = (result.urls, result.exception.message, result.exception.got)
    assert failures == {}


# --- manifests -------------------------------------------------------------------------------


def _manifest(client):
    page = ExhibitionPage.objects.get(locale__language_code="vi")
    response = client.get(page.manifest_url())
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return page, response.json()


@pytest.mark.django_db
def test_manifest_is_valid_presentation_3_with_three_languages(client, seeded):
    _page, body = _manifest(client)
    manifest = Manifest(**body)
    assert manifest.id == body["id"]
    assert set(body["label"]) == {"vi", "en", "km"}
    assert body["label"]["km"] == ["កុមារភាពតាមរយៈរូបថត"]
    titles = [canvas["label"] for canvas in body["items"]]
    assert {"vi": ["Lớp học song ngữ"], "en": ["A bilingual class"], "km": ["ថ្នាក់រៀនពីរភាសា"]} in titles
    assert all(set(label) == {"vi", "en", "km"} for label in titles)
    first = body["items"][0]
    assert set(first["summary"]) == {"vi", "en", "km"}
    assert {"vi", "en", "km"} <= set(first["metadata"][0]["label"])
    service = first["items"][0]["items"][0]["body"]["service"][0]["id"]
    assert client.get(service.removeprefix("http://testserver") + "/info.json").status_code == 200
    assert [r["label"]["en"] for r in body["structures"]] == [["Going to school"], ["From the archive"]]


@pytest.mark.django_db
def test_manifest_leaves_out_withheld_items_and_unpublished_exhibitions(client, seeded):
    _page, body = _manifest(client)
    labels = [canvas["label"]["vi"][0] for canvas in body["items"]]
    assert "Ngày hội thiếu nhi" not in labels  # identifiable people, no consent
    assert len(labels) == 3
    shown = ExhibitionItem.objects.get(locale__language_code="vi", title="Lớp học song ngữ")
    ExhibitionItem.objects.filter(translation_key=shown.translation_key).update(
        consent_until=timezone.localdate() - timedelta(days=1)
    )
    _page, body = _manifest(client)
    assert "Lớp học song ngữ" not in [canvas["label"]["vi"][0] for canvas in body["items"]]
    page = ExhibitionPage.objects.get(locale__language_code="vi")
    url = page.manifest_url()
    ExhibitionPage.objects.filter(translation_key=page.translation_key).update(live=False)
    assert client.get(url).status_code == 404
    assert client.get("/iiif/manifests/not-a-key.json").status_code == 404


@pytest.mark.django_db
def test_exhibition_page_links_its_manifest_and_item_pages(client, seeded):
    page = ExhibitionPage.objects.get(locale__language_code="en")
    html = client.get(page.url).content.decode()
    assert page.manifest_url() in html
    item = ExhibitionItem.objects.get(locale__language_code="en", title="The 1990 ratification decision")
    item_url = f"{page.url}items/{item.translation_key}/"
    assert item_url in html
    detail = client.get(item_url)
    assert detail.status_code == 200
    text = detail.content.decode()
    assert "Ratification of the Convention on the Rights of the Child." in text  # transcription
    assert f"/iiif/3/{item.translation_key}/info.json" in text and "data-deepzoom" in text
    withheld = ExhibitionItem.objects.get(locale__language_code="en", title="Children's festival")
    assert client.get(f"{page.url}items/{withheld.translation_key}/").status_code == 404
    assert client.get(f"{page.url}items/00000000-0000-0000-0000-000000000000/").status_code == 404
