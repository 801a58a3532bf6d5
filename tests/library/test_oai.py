"""OAI-PMH 2.0: verbs, Dublin Core, sets, dates, resumption, deleted records and error codes."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from django.utils import timezone

from library import oai
from library.models import ProductPage
from tests.factories import library

pytestmark = pytest.mark.django_db
NS = {"o": oai.OAI, "dc": oai.DC, "oai_dc": oai.OAI_DC}


def get(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    return ET.fromstring(response.content)


def error_code(root):
    error = root.find("o:error", NS)
    return error.get("code") if error is not None else None


def identifiers(root):
    return [h.find("o:identifier", NS).text for h in root.iter(f"{{{oai.OAI}}}header")]


def test_identify(client, seeded):
    root = get(client, verb="Identify")
    identify = root.find("o:Identify", NS)
    assert identify.find("o:protocolVersion", NS).text == "2.0"
    assert identify.find("o:baseURL", NS).text == "http://testserver/oai/"
    assert identify.find("o:deletedRecord", NS).text == "persistent"
    assert identify.find("o:granularity", NS).text == "YYYY-MM-DDThh:mm:ssZ"


def test_metadata_formats_and_sets(client, seeded):
    root = get(client, verb="ListMetadataFormats")
    assert [e.text for e in root.iter(f"{{{oai.OAI}}}metadataPrefix")] == ["oai_dc"]
    specs = [e.text for e in get(client, verb="ListSets").iter(f"{{{oai.OAI}}}setSpec")]
    assert "convention:crc" in specs and "province:an-giang" in specs and len(specs) == 2 + 7 + 34
    assert specs.index("convention") < specs.index("convention:crc")
    assert specs.index("province") < specs.index("province:an-giang")


def test_list_records_as_dublin_core_with_every_language(client, seeded):
    root = get(client, verb="ListRecords", metadataPrefix="oai_dc")
    records = root.findall("o:ListRecords/o:record", NS)
    assert len(records) == 6
    drama = next(r for r in records if "Kịch truyền thanh" in ET.tostring(r, encoding="unicode"))
    dc = drama.find("o:metadata/oai_dc:dc", NS)
    titles = {t.get("{http://www.w3.org/XML/1998/namespace}lang"): t.text for t in dc.findall("dc:title", NS)}
    assert titles["vi"] == "Kịch truyền thanh: Quyền được đến trường"
    assert titles["en"] == "Radio drama: The right to go to school" and "km" in titles
    assert {e.text for e in dc.findall("dc:language", NS)} == {"vie", "khm"}
    assert dc.find("dc:creator", NS).text == "Đài Phát thanh - Truyền hình An Giang"
    header_sets = {s.text for s in drama.findall("o:header/o:setSpec", NS)}
    assert header_sets == {"convention:crc", "province:an-giang"}


def test_get_record_and_identifier_errors(client, seeded):
    product = ProductPage.objects.filter(locale__language_code="vi").first()
    oai_id = f"oai:testserver:{product.identifier}"
    root = get(client, verb="GetRecord", identifier=oai_id, metadataPrefix="oai_dc")
    assert identifiers(root) == [oai_id]
    assert (
        error_code(get(client, verb="GetRecord", identifier="oai:testserver:XX-1-1", metadataPrefix="oai_dc"))
        == "idDoesNotExist"
    )
    assert (
        error_code(get(client, verb="GetRecord", identifier="nonsense", metadataPrefix="oai_dc"))
        == "idDoesNotExist"
    )
    assert (
        error_code(get(client, verb="GetRecord", identifier=oai_id, metadataPrefix="marc21"))
        == "cannotDisseminateFormat"
    )


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Delete"}, "badVerb"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2026-01-01",
                "until": "2025-01-01T00:00:00Z",
            },
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "colour:red"}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "mods"}, "cannotDisseminateFormat"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2099-01-01"}, "noRecordsMatch"),
        ({"verb": "ListSets", "resumptionToken": "x"}, "badResumptionToken"),
    ],
)
def test_error_codes(client, seeded, params, code):
    root = get(client, **params)
    assert error_code(root) == code
    if code in {"badVerb", "badArgument"}:
        assert root.find("o:request", NS).attrib == {}


def test_repeated_argument_is_bad(client, seeded):
    response = client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc")
    assert error_code(ET.fromstring(response.content)) == "badArgument"


def test_sets_are_merger_aware_and_dates_select(client, seeded):
    root = get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="province:an-giang")
    assert len(identifiers(root)) == 4  # An Giang (2), former An Giang and former Kiên Giang
    future = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d")
    assert (
        error_code(get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": future}))
        == "noRecordsMatch"
    )
    today = timezone.now().strftime("%Y-%m-%d")
    assert len(identifiers(get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until=today))) == 6


def test_resumption_tokens_page_through_everything(client, seeded, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 4)
    for _ in range(3):
        library.product()
    seen, params = [], {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}
    while True:
        root = get(client, **params)
        seen += identifiers(root)
        token = root.find("o:ListIdentifiers/o:resumptionToken", NS)
        assert token.get("completeListSize") == "9"
        if not token.text:
            break
        params = {"verb": "ListIdentifiers", "resumptionToken": token.text}
    assert len(seen) == len(set(seen)) == 9
    wrong_verb = get(
        client,
        verb="ListRecords",
        resumptionToken=get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
        .find("o:ListIdentifiers/o:resumptionToken", NS)
        .text,
    )
    assert error_code(wrong_verb) == "badResumptionToken"


def test_unpublished_and_deleted_products_are_reported_as_deleted(client, seeded):
    gone = library.product(title="Sẽ gỡ", conventions=["CAT"])
    removed = library.product(title="Sẽ xoá")
    gone.unpublish()
    removed.delete()
    root = get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    deleted = {
        h.find("o:identifier", NS).text
        for h in root.iter(f"{{{oai.OAI}}}header")
        if h.get("status") == "deleted"
    }
    assert deleted == {f"oai:testserver:{gone.identifier}", f"oai:testserver:{removed.identifier}"}
    record = get(
        client, verb="GetRecord", identifier=f"oai:testserver:{gone.identifier}", metadataPrefix="oai_dc"
    )
    assert record.find("o:GetRecord/o:record/o:header", NS).get("status") == "deleted"
    assert "Sẽ gỡ" not in ET.tostring(root, encoding="unicode")
    gone.save_revision().publish()
    root = get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="convention:cat")
    assert [h.get("status") for h in root.iter(f"{{{oai.OAI}}}header")] == [None]


def test_drafts_and_embargoed_never_harvested(client, seeded):
    library.product(title="OAI nháp", publish=False)
    library.product(title="OAI cấm vận", embargo_until=timezone.localdate() + timedelta(days=9))
    body = client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc").content.decode()
    assert "OAI nháp" not in body and "OAI cấm vận" not in body


def test_until_is_inclusive_at_seconds_granularity(client, seeded):
    """A harvester that asks ``until`` the datestamp it was shown gets that record: datestamps are
    shown to the second and stored to the microsecond."""
    product = library.product(title="OAI đến giây")
    stamp = product.last_published_at.replace(microsecond=700000)
    ProductPage.objects.filter(pk=product.pk).update(last_published_at=stamp)
    shown = oai._datestamp(stamp)
    mine = f"oai:testserver:{product.identifier}"
    for bound in ({"until": shown}, {"from": shown}, {"from": shown, "until": shown}):
        root = get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **bound)
        assert mine in identifiers(root), bound
    earlier = oai._datestamp(stamp - timedelta(seconds=1))
    root = get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until=earlier)
    assert mine not in identifiers(root)


def test_record_stays_while_any_language_version_is_public(client, seeded):
    """Unpublishing only the Vietnamese original leaves the English and Khmer versions public (the
    API serves them), so the record stays, with their titles: never idDoesNotExist, which would
    break the persistent deleted-record policy."""
    original = next(
        p
        for p in ProductPage.objects.live().filter(locale__language_code="vi")
        if ProductPage.objects.live().filter(translation_key=p.translation_key).exclude(pk=p.pk).exists()
    )
    original.unpublish()
    oai_id = f"oai:testserver:{original.identifier}"
    record = get(client, verb="GetRecord", identifier=oai_id, metadataPrefix="oai_dc")
    assert error_code(record) is None
    header = record.find("o:GetRecord/o:record/o:header", NS)
    assert header.get("status") is None
    titles = record.findall("o:GetRecord/o:record/o:metadata/oai_dc:dc/dc:title", NS)
    languages = {t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in titles}
    assert "vi" not in languages and languages
    listed = identifiers(get(client, verb="ListIdentifiers", metadataPrefix="oai_dc"))
    assert listed.count(oai_id) == 1
    api = client.get("/api/v1/products/", {"lang": "en"}).json()
    assert original.identifier in str(api)
    # Unpublished everywhere: now it is deleted, and says so.
    for version in ProductPage.objects.live().filter(translation_key=original.translation_key):
        version.unpublish()
    record = get(client, verb="GetRecord", identifier=oai_id, metadataPrefix="oai_dc")
    assert record.find("o:GetRecord/o:record/o:header", NS).get("status") == "deleted"


def test_parent_sets_can_be_harvested(client, seeded):
    every = set(identifiers(get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")))
    for parent in ("convention", "province"):
        root = get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=parent)
        assert error_code(root) is None
        members = set()
        for spec in [e.text for e in get(client, verb="ListSets").iter(f"{{{oai.OAI}}}setSpec")]:
            if spec.startswith(parent + ":"):
                child = get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
                members |= set(identifiers(child))
        assert set(identifiers(root)) == members and members <= every and members


def test_head_answers_wherever_get_does(client, seeded):
    response = client.head("/oai/", {"verb": "Identify"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/xml")
