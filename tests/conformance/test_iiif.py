"""IIIF conformance of the seeded demo site.

Presentation 3.0: every manifest and collection the site publishes (found from its exhibition
pages in vi, en and km, and from the collections the manifests are part of) loads in iiif-prezi3,
states its ``rights`` as a Creative Commons or RightsStatements.org URI and carries a
``requiredStatement``.

Image API 3.0: the official validator (iiif-validator) runs over real HTTP against the image
service, at the compliance level its ``info.json`` claims and for every extra feature it lists.
Its colour-checking tests need its own test pattern (a 10 × 10 grid of known colours, not shipped
with the package), so the test builds it and files it the way an editor would: uploaded through
the bulk upload, published, hung in an exhibition, under the validator's usual identifier.
"""

import io
import json
import re
import threading
import uuid
from urllib.request import urlopen

import pytest
from iiif_prezi3 import Collection, Manifest
from iiif_validator.tests.size_up import Test_Size_Up as SizeUpTest
from iiif_validator.validator import ImageAPI, ValidationInfo
from iiif_validator.validator import TestSuite as ValidatorSuite
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.urls import reverse

from exhibitions import admin_views, upload
from exhibitions.models import ExhibitionItem, ExhibitionPage
from home import visibility

pytestmark = pytest.mark.django_db

LANGUAGES = ("vi", "en", "km")
PRESENTATION_TYPE = 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
# The rights URIs IIIF accepts (its presentation schema: the http:// forms each body defines).
RIGHTS = re.compile(
    r"^http://(?:creativecommons\.org/licenses/(?:by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)"
    r"/(?:1\.0|2\.0|2\.5|3\.0|4\.0)/"
    r"|creativecommons\.org/publicdomain/(?:zero|mark)/1\.0/"
    r"|rightsstatements\.org/vocab/(?:InC|InC-OW-EU|InC-EDU|InC-NC|InC-RUU|NoC-CR|NoC-NC|NoC-OKLR"
    r"|NoC-US|CNE|UND|NKC)/1\.0/)$"
)
VALIDATOR_IDENTIFIER = "67352ccc-d1b0-11e1-89ae-279075081939"
VERSION = "3.0"

# The validator's tests of each feature, quality and format info.json may list beyond its level.
FEATURE_TESTS = {
    "baseUriRedirect": {"baseurl_redirect"},
    "canonicalLinkHeader": {"linkheader_canonical"},
    "cors": {"cors"},
    "jsonldMediaType": {"jsonld"},
    "mirroring": {"rot_mirror", "rot_mirror_180"},
    "profileLinkHeader": {"linkheader_profile"},
    "regionByPct": {"region_percent"},
    "regionByPx": {"region_pixels"},
    "regionSquare": {"region_square"},
    "rotationArbitrary": {"rot_full_non90", "rot_region_non90"},
    "rotationBy90s": {"rot_full_basic", "rot_region_basic"},
    "sizeByConfinedWh": {"size_bwh"},
    "sizeByH": {"size_ch"},
    "sizeByPct": {"size_percent"},
    "sizeByW": {"size_wc"},
    "sizeByWh": {"size_wh"},
    "sizeUpscaling": {"size_up"},
}
QUALITY_TESTS = {"bitonal": {"quality_bitonal"}, "color": {"quality_color"}, "gray": {"quality_grey"}}
# The validator's WebP test is Python 2 code (urllib.urlopen, bytes compared with str): WebP is
# checked by test_webp_output_is_the_test_pattern instead.
FORMAT_TESTS = {
    "gif": {"format_gif"},
    "jp2": {"format_jp2"},
    "jpg": {"format_jpg"},
    "pdf": {"format_pdf"},
    "png": {"format_png"},
    "tif": {"format_tif"},
    "webp": set(),
}
# The tests that hold for any image (the others check the test pattern's colours and size).
ANY_IMAGE_TESTS = {
    "baseurl_redirect",
    "cors",
    "format_error_random",
    "format_jpg",
    "format_png",
    "id_basic",
    "id_error_escapedslash",
    "id_error_random",
    "id_error_unescaped",
    "id_escaped",
    "info_json",
    "jsonld",
    "linkheader_canonical",
    "linkheader_profile",
    "quality_error_random",
    "region_error_random",
    "rot_error_random",
    "size_error_random",
    "size_nofull",
}


# --- Presentation API ------------------------------------------------------------------------


def _get_json(client, url, language):
    response = client.get(url.removeprefix("http://testserver"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, url
    assert response["Content-Type"] == PRESENTATION_TYPE, url
    assert response["Access-Control-Allow-Origin"] == "*", url
    return response.json()


def _published(client):
    """``({url: body}, {url: body})``: the manifests the public exhibition pages link to in each
    language, and the collections those manifests are part of, with every collection they list."""
    manifests, collections = {}, {}
    for language in LANGUAGES:
        pages = visibility.public_pages(ExhibitionPage.objects.filter(locale__language_code=language))
        assert pages.exists(), f"no public exhibition in {language}"
        for page in pages:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            linked = set(re.findall(r'href="([^"]*/iiif/manifests/[^"]+\.json)"', response.content.decode()))
            assert linked == {page.manifest_url()}, page.url
            for url in linked:
                manifests.setdefault(f"http://testserver{url}", _get_json(client, url, language))
    waiting = [part["id"] for body in manifests.values() for part in body.get("partOf", [])]
    while waiting:
        url = waiting.pop()
        if url in collections:
            continue
        collections[url] = body = _get_json(client, url, "vi")
        for member in body.get("items", []):
            if member["type"] == "Collection":
                waiting.append(member["id"])
            elif member["id"] not in manifests:
                manifests[member["id"]] = _get_json(client, member["id"], "vi")
    return manifests, collections


def _assert_language_map(value, where, languages=None):
    assert isinstance(value, dict) and value, where
    for language, texts in value.items():
        assert language == "none" or language in LANGUAGES, (where, language)
        assert texts and all(isinstance(text, str) and text.strip() for text in texts), (where, language)
    if languages:
        assert set(value) == set(languages), where


def _assert_rights(body, where):
    assert RIGHTS.match(body.get("rights", "")), (where, body.get("rights"))
    statement = body.get("requiredStatement")
    assert statement, f"{where} has no requiredStatement"
    _assert_language_map(statement.get("label"), f"{where}: requiredStatement label", LANGUAGES)
    _assert_language_map(statement.get("value"), f"{where}: requiredStatement value")


def _paths(value, prefix=()):
    """Every key of a JSON document, as its path from the root."""
    if isinstance(value, dict):
        for key, member in value.items():
            yield (*prefix, key)
            yield from _paths(member, (*prefix, key))
    elif isinstance(value, list):
        for number, member in enumerate(value):
            yield from _paths(member, (*prefix, number))


def _loaded(model, body):
    """``body`` loaded by iiif-prezi3 (pydantic 2, strict), both through its constructor and by a
    plain ``model_validate``. Its models ignore properties they do not know, so every property
    must also come back out of the loaded model: a misspelt or misplaced one is an error."""
    loaded = model(**body)
    model.model_validate(body)
    dumped = json.loads(loaded.jsonld())
    assert set(_paths(body)) - set(_paths(dumped)) == set()
    return loaded


def test_every_manifest_and_collection_is_valid_presentation_3_with_rights(client, seeded):
    manifests, collections = _published(client)
    assert manifests and collections
    for url, body in manifests.items():
        manifest = _loaded(Manifest, body)
        assert manifest.id == url == body["id"]
        _assert_language_map(body["label"], url, LANGUAGES)
        _assert_rights(body, url)
        assert body["items"], f"{url} shows nothing"
        for canvas in body["items"]:
            assert RIGHTS.match(canvas["rights"]), (canvas["id"], canvas.get("rights"))
            if "requiredStatement" in canvas:
                _assert_language_map(canvas["requiredStatement"]["label"], canvas["id"], LANGUAGES)
                _assert_language_map(canvas["requiredStatement"]["value"], canvas["id"])
        assert any(part["id"] in collections for part in body["partOf"])
    listed = set()
    for url, body in collections.items():
        collection = _loaded(Collection, body)
        assert collection.id == url == body["id"]
        _assert_language_map(body["label"], url, LANGUAGES)
        _assert_rights(body, url)
        listed |= {member["id"] for member in body["items"] if member["type"] == "Manifest"}
    assert listed == set(manifests), "the collection lists every published exhibition, nothing else"


def test_rights_follow_the_items_licences(client, seeded):
    manifests, collections = _published(client)
    items = ExhibitionItem.objects.public()
    assert set(items.values_list("rights", flat=True)) == {"CC BY 4.0"}  # the demo's items
    by = "http://creativecommons.org/licenses/by/4.0/"
    for body in [*manifests.values(), *collections.values()]:
        assert body["rights"] == by
    # One item under another licence: the exhibition as a whole is then only "In Copyright".
    shown = items.filter(locale__language_code="vi").first()
    ExhibitionItem.objects.filter(translation_key=shown.translation_key).update(rights="© Báo An Giang")
    manifests, collections = _published(client)
    in_copyright = "http://rightsstatements.org/vocab/InC/1.0/"
    (body,) = manifests.values()
    assert body["rights"] == in_copyright
    assert sorted(canvas["rights"] for canvas in body["items"]).count(in_copyright) == 1
    assert [c["rights"] for c in collections.values()] == [in_copyright]
    info = client.get(reverse("iiif_info", args=[shown.translation_key])).json()
    assert info["rights"] == in_copyright


def test_required_statements_speak_each_language(client, seeded):
    manifests, collections = _published(client)
    (manifest,) = manifests.values()
    page = ExhibitionPage.objects.get(locale__language_code="vi")
    organisation = page.organisation
    names = {
        version.locale.language_code: [version.name]
        for version in type(organisation).objects.filter(translation_key=organisation.translation_key)
    }
    assert manifest["requiredStatement"]["value"] == names
    assert manifest["requiredStatement"]["label"]["en"] == ["Attribution"]
    (collection,) = collections.values()
    assert set(collection["requiredStatement"]["value"]) == set(LANGUAGES)  # the portal's name
    assert collection["id"] == f"http://testserver{reverse('iiif_collection')}"


# --- Image API: the official validator over HTTP ---------------------------------------------


def pattern_png():
    """The validator's test image: a 10 × 10 grid of 100-pixel squares of known colours."""
    picture = Image.new("RGB", (1000, 1000))
    colours = ValidationInfo().colorInfo
    for x in range(10):
        for y in range(10):
            picture.paste(colours[x][y], (x * 100, y * 100, x * 100 + 100, y * 100 + 100))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def server(portal_server, monkeypatch):
    """The portal over HTTP, answering from this test's own database connection: it sees what
    the test creates, which rolls back afterwards. (SQLite in memory shares the connection
    already; on PostgreSQL the server would otherwise read only what the session committed.)"""
    connection = connections["default"]
    httpd = portal_server.thread.httpd
    if httpd.connections_override.get("default") is connection:
        yield portal_server
        return
    connection.inc_thread_sharing()
    # The server closes its connection after each request; this one is the test's transaction.
    monkeypatch.setattr(connection, "close", lambda: None)
    monkeypatch.setattr(httpd, "connections_override", {**httpd.connections_override, "default": connection})
    yield portal_server
    # A request thread may still be closing after its answer was read: let it finish first.
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name and thread is not threading.current_thread():
            thread.join(timeout=30)
    connection.dec_thread_sharing()


@pytest.fixture
def pattern_item(seeded):
    """The test pattern as an exhibition photo: bulk-uploaded (a draft), given the validator's
    usual identifier, published and added to the demo exhibition, which is published again."""
    upload_file = SimpleUploadedFile(f"{VALIDATOR_IDENTIFIER}.png", pattern_png(), content_type="image/png")
    defaults = upload.Defaults(rights="CC BY 4.0", credit="IIIF Image API validator test pattern")
    (report,) = upload.process([upload_file], defaults=defaults)
    assert report.status == upload.ACCEPTED, report.message
    item = report.item
    item.translation_key = uuid.UUID(VALIDATOR_IDENTIFIER)
    item.save()
    item.save_revision().publish()
    page = ExhibitionPage.objects.get(locale__language_code="vi")
    admin_views.add_to_section(page, page.sections[0].id, [item], None).publish()
    assert ExhibitionItem.objects.public().filter(translation_key=item.translation_key).exists()
    return item


def _size_up_within_limits(info):
    """The validator's upscaling test, except that it expects ``^max`` to be the full size: the
    Image API (4.2) scales ``^max`` up to the ``maxWidth``, ``maxHeight`` and ``maxArea`` that
    info.json states, so that size is what is expected here."""
    width, height = info["width"], info["height"]
    scale = min(
        info["maxWidth"] / width, info["maxHeight"] / height, (info["maxArea"] / (width * height)) ** 0.5
    )
    largest = (min(info["maxWidth"], round(width * scale)), min(info["maxHeight"], round(height * scale)))

    class SizeUpWithinLimits(SizeUpTest):
        def checkSize(self, result, size, sizeStr, message):
            return super().checkSize(result, largest if sizeStr == "^max" else size, sizeStr, message)

    return SizeUpWithinLimits


def _info(server, identifier):
    with urlopen(f"{server.url}/iiif/3/{identifier}/info.json", timeout=30) as response:
        return json.load(response)


def _claimed_tests(info):
    """The validator's tests for the compliance level info.json claims and its extra features."""
    level = int(info["profile"].removeprefix("level"))
    assert info["profile"] in {"level0", "level1", "level2"}
    tests = ValidatorSuite(ValidationInfo()).list_tests(VERSION)
    claimed = {name for name, test in tests.items() if test["level"] <= level}
    for field, known in (
        ("extraFeatures", FEATURE_TESTS),
        ("extraQualities", QUALITY_TESTS),
        ("extraFormats", FORMAT_TESTS),
    ):
        for name in info.get(field, []):
            assert name in known, f"info.json claims {name}, which nothing here tests"
            claimed |= known[name]
    assert claimed <= set(tests)
    return level, claimed


def _run_validator(server, identifier, names, info):
    """``(passed, {test: failure})`` for the named validator tests against one image."""
    suite = ValidatorSuite(ValidationInfo())
    suite.all_tests["size_up"] = _size_up_within_limits(info)
    host = server.url.removeprefix("http://")
    passed, failures = [], {}
    for name in sorted(names):
        result = ImageAPI(identifier, host, "iiif/3", "http", "", VERSION, debug=False)
        try:
            suite.run_test(name, result)
        except Exception as error:  # the validator's own code failed: report it with the rest
            failures[name] = (result.urls, repr(error))
            continue
        if result.exception:  # warnings included: nothing the validator flags is accepted
            error = result.exception
            failures[name] = (result.urls, error.type, error.message, error.got, error.expected)
        else:
            passed.append(name)
    return passed, failures


def test_official_validator_passes_the_claimed_level_and_extras(server, pattern_item):
    info = _info(server, VALIDATOR_IDENTIFIER)
    assert info["id"] == f"{server.url}/iiif/3/{VALIDATOR_IDENTIFIER}"
    assert RIGHTS.match(info["rights"])
    level, claimed = _claimed_tests(info)
    assert level == 2
    required = {"info_json", "id_squares", "region_percent", "size_bwh", "rot_full_basic", "quality_bitonal"}
    assert required | {"format_png", "size_up", "rot_mirror", "linkheader_canonical"} <= claimed
    passed, failures = _run_validator(server, VALIDATOR_IDENTIFIER, claimed, info)
    assert failures == {}
    assert len(passed) == len(claimed) == 38  # 33 of levels 0-2, 5 for the extras


def test_webp_output_is_the_test_pattern(server, pattern_item):
    url = f"{server.url}/iiif/3/{VALIDATOR_IDENTIFIER}/full/max/0/default.webp"
    with urlopen(url, timeout=30) as response:
        assert response.headers["Content-Type"] == "image/webp"
        data = response.read()
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    picture = Image.open(io.BytesIO(data)).convert("RGB")
    assert picture.size == (1000, 1000)
    validation = ValidationInfo()
    result = ImageAPI(VALIDATOR_IDENTIFIER, "", version=VERSION, debug=False)
    for x, y in ((0, 0), (3, 7), (9, 9)):
        square = picture.crop((x * 100 + 13, y * 100 + 13, x * 100 + 87, y * 100 + 87))
        assert validation.do_test_square(square, x, y, result), (x, y)


def test_every_published_image_passes_the_validator_tests_that_hold_for_any_image(client, seeded, server):
    manifests, _collections = _published(client)
    services = {
        service["id"]
        for body in manifests.values()
        for canvas in body["items"]
        for annotation in canvas["items"][0]["items"]
        for service in annotation["body"]["service"]
    }
    assert services
    for service in sorted(services):
        identifier = service.rsplit("/", 1)[1]
        info = _info(server, identifier)
        _level, claimed = _claimed_tests(info)
        names = claimed & ANY_IMAGE_TESTS
        assert "info_json" in names and "cors" in names
        passed, failures = _run_validator(server, identifier, names, info)
        assert failures == {}, service
        assert len(passed) == len(names)
