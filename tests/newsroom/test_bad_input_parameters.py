"""Query-string and path values that cannot name anything (a NUL or another control character, an
over-long value, a number that is not one) are answered in each surface's own protocol before they
reach the database: OAI-PMH's error codes in well-formed XML, the partner API's 404/422 JSON, a
404 or an ignored filter on pages. Never a 500 (PostgreSQL refuses NUL in text; "²".isdigit() is
true but int("²") fails)."""

import xml.etree.ElementTree as ET

import pytest

from django.test import Client

from wagtail.models import Page

from library import oai
from library.models import ProductPage
from tests.accounts import sign_in

pytestmark = pytest.mark.django_db

HOSTILE = ["\x00", "AG\x00", "\x01", "a\x1bb", "\x7f", "\x85", "x" * 3000, "²", "٣", "1e400"]
NS = {"o": oai.OAI}


@pytest.fixture
def product(seeded):
    return ProductPage.objects.live().filter(locale__language_code="vi").order_by("pk").first()


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def oai_error(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200, params
    root = ET.fromstring(response.content)  # well-formed XML, whatever the input was
    error = root.find("o:error", NS)
    return error.get("code") if error is not None else None, root


# The API ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE[:7])
@pytest.mark.parametrize(
    "name", ["lang", "convention", "province", "type", "language", "channel", "organisation"]
)
def test_api_refuses_values_that_cannot_name_anything_with_a_422(client, seeded, name, value):
    response = client.get("/api/v1/products/", {name: value})
    assert response.status_code == 422, (name, value, response.content[:200])
    detail = response.json()["detail"]
    assert any(error["loc"][-1] == name or name in error["loc"] for error in detail), detail
    # ``lang`` is one of the declared languages (an enum in the spec); the codes say why they fail.
    reasons = ("'vi', 'en' or 'km'",) if name == "lang" else ("control character", "Longer than 200")
    assert any(reason in error["msg"] for error in detail for reason in reasons), detail


def test_api_unknown_but_printable_values_are_still_a_400_naming_them(client, seeded):
    response = client.get("/api/v1/products/", {"year": "²", "convention": "nope"})
    assert response.status_code == 400
    assert "=nope" in response.json()["detail"] and "=²" in response.json()["detail"]


@pytest.mark.parametrize("identifier", ["AG\x00", "AG-2026-00000\x00", "\x01", "x" * 3000, "ag-2026-000001"])
def test_api_a_path_that_cannot_be_an_identifier_is_the_404_of_an_unknown_one(client, seeded, identifier):
    response = client.get(f"/api/v1/products/{identifier}/")
    assert response.status_code == 404
    assert response.json() == client.get("/api/v1/products/XX-1999-000000/").json()


def test_api_one_product_with_a_bad_language_is_a_422(client, product):
    assert client.get(f"/api/v1/products/{product.identifier}/", {"lang": "\x00"}).status_code == 422
    assert client.get(f"/api/v1/products/{product.identifier}/", {"lang": "vi"}).status_code == 200


@pytest.mark.parametrize(
    "moment",
    ["0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00", "9999-12-31T23:59:59-14:00", "\x00", "1e400"],
)
def test_api_a_date_time_the_database_cannot_compare_is_a_422(client, seeded, moment):
    response = client.get("/api/v1/products/", {"modified_since": moment})
    assert response.status_code == 422, (moment, response.content[:300])
    assert response.json()["detail"][0]["loc"][-1] == "modified_since"


def test_api_the_extreme_date_times_it_can_compare_still_answer(client, seeded):
    assert client.get("/api/v1/products/", {"modified_since": "0001-01-02T00:00:00Z"}).status_code == 200
    assert client.get("/api/v1/products/", {"modified_since": "9999-12-30T00:00:00Z"}).json()["count"] == 0


# OAI-PMH ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE[:7])
def test_oai_values_get_the_protocol_error_of_their_argument(client, product, value):
    local = f"oai:testserver:{product.identifier}"
    expected = [
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": f"oai:testserver:{value}"},
            "idDoesNotExist",
        ),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": local + value}, "idDoesNotExist"),
        ({"verb": "ListMetadataFormats", "identifier": f"oai:testserver:{value}"}, "idDoesNotExist"),
        (
            {"verb": "GetRecord", "metadataPrefix": f"oai_dc{value}", "identifier": local},
            "cannotDisseminateFormat",
        ),
        ({"verb": "ListRecords", "metadataPrefix": value}, "cannotDisseminateFormat"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": f"convention:{value}"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": f"province:{value}"}, "badArgument"),
        (
            {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": f"convention:{value}"},
            "badArgument",
        ),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": value}, "badArgument"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": value}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": value}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": value}, "badResumptionToken"),
        ({"verb": value}, "badVerb"),
        ({"verb": "Identify", f"x{value}": "1"}, "badArgument"),
    ]
    for params, code in expected:
        assert oai_error(client, **params)[0] == code, params


def test_oai_echoes_only_xml_safe_values_in_the_request_element(client, product):
    code, root = oai_error(
        client, verb="GetRecord", metadataPrefix="oai_dc", identifier="oai:testserver:A\x01B"
    )
    assert code == "idDoesNotExist"
    assert root.find("o:request", NS).get("identifier") == "oai:testserver:A\ufffdB"
    code, root = oai_error(client, verb="ListRecords", metadataPrefix="oai_dc", set="convention:\x00")
    assert code == "badArgument" and root.find("o:request", NS).attrib == {}  # the protocol's rule


def test_oai_good_requests_still_answer(client, product):
    identifier = f"oai:testserver:{product.identifier}"
    assert oai_error(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier)[0] is None
    assert oai_error(client, verb="ListMetadataFormats", identifier=identifier)[0] is None
    assert oai_error(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="convention:crc")[0] is None


# Pages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/vi/library/", "/vi/library/export/csv/", "/vi/search/"])
@pytest.mark.parametrize("value", ["²", "٣", "\x00", "x" * 3000])
def test_a_year_that_is_not_a_number_is_reported_and_ignored(client, seeded, path, value):
    response = client.get(path, {"year": value, "q": "quyền"})
    assert response.status_code == 200, (path, value)


@pytest.mark.parametrize("path", ["/vi/library/", "/vi/search/"])
@pytest.mark.parametrize("value", ["²", "٣", "-3", "0", "1e400", "\x00", "9" * 30])
def test_a_page_number_that_is_not_one_is_the_first_page_or_a_404(client, seeded, path, value):
    for params in ({"page": value}, {"page": value, "q": "quyền"}):
        response = client.get(path, params)
        assert response.status_code in (200, 404), (path, params, response.status_code)
    assert client.get(path, {"page": "²", "q": "quyền"}).status_code == 200  # not a number: page 1


def test_untranslated_notice_for_a_page_without_an_address_is_a_plain_404(client, seeded):
    for page in Page.objects.filter(depth=1):  # the tree's root: live, public, and no URL
        for language in ("vi", "en", "km"):
            guessed = client.get(f"/{language}/untranslated/{page.pk}/")
            never = client.get(f"/{language}/untranslated/987654321/")
            assert guessed.status_code == never.status_code == 404
            assert guessed.content.replace(f"/{page.pk}/".encode(), b"/ID/") == never.content.replace(
                b"/987654321/", b"/ID/"
            )


@pytest.mark.parametrize(
    "query", [{"year": "²"}, {"year": "\x00"}, {"province": "\x00"}, {"province": "x" * 3000}]
)
def test_admin_report_parameters_that_cannot_name_anything_are_404(client, seeded, admin_user, query):
    sign_in(client, admin_user)
    assert client.get("/admin/library/reports/", query).status_code == 404


@pytest.mark.parametrize(
    "value", ["\x00", "%00", "x" * 3000, "../../etc/passwd", "00000000-0000-0000-0000-00000000000\x01"]
)
def test_iiif_identifiers_and_parameters_that_cannot_name_anything_are_404_or_400(client, seeded, value):
    from exhibitions.models import ExhibitionItem

    item = ExhibitionItem.objects.shown().order_by("pk").first().translation_key
    for path in (
        f"/iiif/manifests/{value}.json",
        f"/iiif/3/{value}",
        f"/iiif/3/{value}/info.json",
        f"/iiif/3/{value}/full/max/0/default.jpg",
    ):
        assert client.get(path).status_code == 404, path
    for path in (
        f"/iiif/3/{item}/{value}/max/0/default.jpg",
        f"/iiif/3/{item}/full/{value}/0/default.jpg",
        f"/iiif/3/{item}/full/max/{value}/default.jpg",
        f"/iiif/3/{item}/full/max/0/{value}.jpg",
        f"/iiif/3/{item}/full/max/0/default.{value}",
    ):
        assert client.get(path).status_code in (400, 404), path


# Every surface at once ----------------------------------------------------------------------------

SURFACES = {
    "/api/v1/products/": ["lang", "q", "convention", "year", "modified_since", "page", "page_size"],
    "/vi/library/": ["q", "convention", "province", "type", "language", "channel", "year", "page"],
    "/vi/library/export/json/": ["q", "province", "year"],
    "/vi/tin-tuc/": ["convention", "province", "area", "topic", "year", "page"],
    "/vi/feeds/rss/": ["convention", "province", "year"],
    "/vi/search/": ["q", "kind", "convention", "province", "year", "page", "scope"],
    "/vi/search/suggest/": ["q"],
    "/sitemap.xml": ["p"],
}


@pytest.mark.parametrize("path", list(SURFACES))
def test_no_hostile_value_in_any_parameter_is_a_server_error(client, seeded, path):
    for name in SURFACES[path]:
        for value in HOSTILE:
            response = client.get(path, {name: value})
            assert response.status_code < 500, (path, name, value, response.status_code)
            if path.endswith(".xml") and response.status_code == 200:
                ET.fromstring(response.content)
