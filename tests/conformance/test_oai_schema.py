"""OAI-PMH at `/oai/` keeps the protocol's own contract: every answer, errors included, is valid
against the OAI-PMH 2.0 XML Schema, and every record's metadata against the ``oai_dc`` schema (the
protocol's schema skips what is inside ``<metadata>``, so each ``oai_dc:dc`` is checked on its own).
HEAD and POST answer as GET does; GET answers 304 to ``If-Modified-Since`` (``Last-Modified``).

The schemas are read from installed packages and never from the network (``allow="local"``: a
reference nothing maps to a local file fails instead of being fetched):

- ``oai_dc.xsd`` and ``simpledc20021212.xsd`` from ``core-oaipmh-provider-app`` (NIST's OAI-PMH
  provider, ``requirements-nodeps.txt``), ``xml.xsd`` from ``xmlschema`` itself;
- ``OAI-PMH.xsd``: no package installs it; the published copy is in the ``pyoai`` source archive's
  tests, which ``make install`` downloads from PyPI (``requirements-schemas.txt``) and from which it
  extracts that file into ``<venv>/share/schemas``. A missing schema fails the tests.
"""

import importlib.util
import os
import sys
import time
import warnings
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import pytest
import xmlschema

from django.test import override_settings
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from wagtail.models import Locale

from home.models import Convention
from library import oai
from library.models import ProductPage, ProductTombstone
from tests.factories import library

pytestmark = pytest.mark.django_db
NS = {"o": oai.OAI, "oai_dc": oai.OAI_DC, "dc": oai.DC}
XML_XSD = Path(xmlschema.__file__).parent / "schemas" / "XML" / "xml.xsd"


def _provider_xsd(name):
    spec = importlib.util.find_spec("core_oaipmh_provider_app")  # located, not imported (a Django app)
    assert spec is not None, "core-oaipmh-provider-app is not installed (requirements-nodeps.txt)"
    return Path(spec.submodule_search_locations[0]) / "static" / "core_oaipmh_provider_app" / "xsd" / name


def _oai_pmh_xsd():
    """OAI-PMH.xsd, which ``make install`` takes from pyoai's source archive on PyPI
    (requirements-schemas.txt) into ``<venv>/share/schemas``; ``$OAI_PMH_XSD`` names another copy."""
    path = Path(os.environ.get("OAI_PMH_XSD") or Path(sys.prefix) / "share" / "schemas" / "OAI-PMH.xsd")
    assert path.is_file(), f"{path} is missing: run `make install` (requirements-schemas.txt)"
    return path


def _locations():
    """Every schema address the documents and schemas name, as a local file."""
    found = {
        "http://www.openarchives.org/OAI/2.0/oai_dc.xsd": _provider_xsd("oai_dc.xsd"),
        "http://dublincore.org/schemas/xmls/simpledc20021212.xsd": _provider_xsd("simpledc20021212.xsd"),
        "http://www.w3.org/2001/03/xml.xsd": XML_XSD,
        "http://www.w3.org/2001/xml.xsd": XML_XSD,
    }
    found["http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"] = _oai_pmh_xsd()
    return {url: str(path) for url, path in found.items()}


def _schema(path):
    with warnings.catch_warnings():
        warnings.simplefilter("error", xmlschema.XMLSchemaImportWarning)  # every import found locally
        return xmlschema.XMLSchema(str(path), allow="local", defuse="always", uri_mapper=_locations())


@pytest.fixture(scope="module")
def schemas():
    return _schema(_oai_pmh_xsd()), _schema(_provider_xsd("oai_dc.xsd"))


class Checked:
    """Responses checked in a test, counted."""

    def __init__(self, client, schemas):
        self.client, (self.envelope, self.dc) = client, schemas
        self.responses = self.records = 0

    def validate(self, body):
        root = ET.fromstring(body)
        resource = xmlschema.XMLResource(body, allow="local", defuse="always")
        errors = [str(error.reason or error) for error in self.envelope.iter_errors(resource)]
        assert not errors, (body[:600], errors)
        assert root.tag == f"{{{oai.OAI}}}OAI-PMH"
        metadata = root.findall(".//o:record/o:metadata", NS)
        for element in metadata:
            (dc,) = list(element)
            assert dc.tag == f"{{{oai.OAI_DC}}}dc"
            errors = [str(error.reason or error) for error in self.dc.iter_errors(dc)]
            assert not errors, (ET.tostring(dc)[:600], errors)
        self.responses += 1
        self.records += len(metadata)
        return root

    def get(self, params):
        """The GET answer, checked; POST answers the same and HEAD the same without a body."""
        response = self.client.get("/oai/", params)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        root = self.validate(response.content)
        posted = self.client.post("/oai/", params)
        assert posted.status_code == 200 and posted["Content-Type"] == response["Content-Type"]
        assert _comparable(self.validate(posted.content)) == _comparable(root)
        head = self.client.head("/oai/", params)
        assert head.status_code == 200 and head["Content-Type"] == response["Content-Type"]
        assert head.content == b""
        return root


def _comparable(root):
    """The answer without what differs from one request to the next: the time, and the signing
    time inside a resumption token."""
    copy = ET.fromstring(ET.tostring(root))
    copy.find("o:responseDate", NS).text = ""
    for token in copy.iter(f"{{{oai.OAI}}}resumptionToken"):
        token.text = "token" if token.text else None
    return ET.tostring(copy)


def error_code(root):
    error = root.find("o:error", NS)
    return error.get("code") if error is not None else None


def _oai_id(product):
    return f"oai:testserver:{product.identifier}"


def test_oai_pmh_schema_is_at_hand():
    assert _oai_pmh_xsd().is_file()


def test_schemas_are_local_only():
    """An address nothing maps to a local file is refused, not fetched."""
    with pytest.warns(xmlschema.XMLSchemaImportWarning, match="block access to remote resource"):
        xmlschema.XMLSchema(
            f'<schema xmlns="http://www.w3.org/2001/XMLSchema"><import namespace="{oai.DC}" '
            'schemaLocation="http://example.invalid/dc.xsd"/></schema>',
            allow="local",
            defuse="always",
        )


def test_every_verb_conforms(client, seeded, schemas):
    checked = Checked(client, schemas)
    gone = library.product(title="OAI lược đồ gỡ", conventions=["CAT"])
    gone.unpublish()
    today = timezone.now().strftime("%Y-%m-%d")
    now = oai._datestamp(timezone.now())
    dc = {"metadataPrefix": "oai_dc"}

    identify = checked.get({"verb": "Identify"})
    assert identify.find("o:Identify/o:protocolVersion", NS).text == "2.0"
    checked.get({"verb": "ListMetadataFormats"})
    product = ProductPage.objects.filter(locale__language_code="vi").live().first()
    checked.get({"verb": "ListMetadataFormats", "identifier": _oai_id(product)})
    checked.get({"verb": "ListMetadataFormats", "identifier": _oai_id(gone)})
    specs = [e.text for e in checked.get({"verb": "ListSets"}).iter(f"{{{oai.OAI}}}setSpec")]
    assert "convention" in specs and "province:an-giang" in specs
    for verb in ("ListIdentifiers", "ListRecords"):
        for extra in (
            {},
            {"set": "convention"},
            {"set": "convention:crc"},
            {"set": "province"},
            {"set": "province:an-giang"},
            {"set": "convention:cat"},  # only the deleted record
            {"from": "2000-01-01"},
            {"until": today},
            {"from": "2000-01-01T00:00:00Z", "until": now},
            {"from": "2000-01-01", "until": today, "set": "convention:crc"},
        ):
            root = checked.get({"verb": verb, **dc, **extra})
            assert error_code(root) is None, (verb, extra)
    records = checked.get({"verb": "ListRecords", **dc})
    deleted = [
        r for r in records.findall("o:ListRecords/o:record", NS) if r.find("o:header", NS).get("status")
    ]
    assert len(deleted) == 1 and deleted[0].find("o:metadata", NS) is None
    for record in (product, gone):
        root = checked.get({"verb": "GetRecord", "identifier": _oai_id(record), **dc})
        assert error_code(root) is None
    assert checked.records >= 6 * 2 * 2  # the six demo products, by GET and by POST, twice at least


def test_resumption_pages_conform(client, seeded, schemas, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 4)
    checked = Checked(client, schemas)
    library.product(title="OAI lược đồ xoá").delete()  # a tombstone on the last page
    for verb in ("ListIdentifiers", "ListRecords"):
        params, pages, seen = {"verb": verb, "metadataPrefix": "oai_dc"}, 0, 0
        while True:
            root = checked.get(params)
            pages += 1
            seen += len(root.findall(f".//{{{oai.OAI}}}header"))
            token = root.find(f"o:{verb}/o:resumptionToken", NS)
            assert token.get("completeListSize") == "7" and token.get("cursor") == str(4 * (pages - 1))
            if not token.text:
                break
            params = {"verb": verb, "resumptionToken": token.text}
        assert (pages, seen) == (2, 7)


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Delete"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "2025-13-01"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-1-1"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "2025-01-01T1:02:03Z"}, "badArgument"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-01-01T00:00:00+07:00"},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-01-01", "until": "2025-01-01"},
            "badArgument",
        ),
        (
            {
                "verb": "ListIdentifiers",
                "metadataPrefix": "oai_dc",
                "from": "2025-01-01",
                "until": "2026-01-01T00:00:00Z",
            },
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "colour:red"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "not a set"}, "badArgument"),
        ({"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "mods"}, "cannotDisseminateFormat"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai dc"}, "cannotDisseminateFormat"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai\x01dc"}, "cannotDisseminateFormat"),
        ({"verb": "ListRecords", "metadataPrefix": "x" * 500}, "cannotDisseminateFormat"),
        (
            {"verb": "GetRecord", "identifier": "oai:testserver:XX-1-1", "metadataPrefix": "marc21"},
            "cannotDisseminateFormat",
        ),
        (
            {"verb": "GetRecord", "identifier": "oai:testserver:XX-1-1", "metadataPrefix": "oai_dc"},
            "idDoesNotExist",
        ),
        ({"verb": "GetRecord", "identifier": "nonsense", "metadataPrefix": "oai_dc"}, "idDoesNotExist"),
        ({"verb": "GetRecord", "identifier": "a b <c>", "metadataPrefix": "oai_dc"}, "idDoesNotExist"),
        ({"verb": "GetRecord", "identifier": "oai:\x00x", "metadataPrefix": "oai_dc"}, "idDoesNotExist"),
        ({"verb": "ListMetadataFormats", "identifier": "oai:testserver:XX-1-1"}, "idDoesNotExist"),
        ({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2099-01-01"}, "noRecordsMatch"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "1999-01-01T00:00:00Z"},
            "noRecordsMatch",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "mods", "from": "2025-01-01", "set": "x"},
            "cannotDisseminateFormat",
        ),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListIdentifiers", "resumptionToken": "t" * 5000}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "x"}, "badResumptionToken"),
        # noSetHierarchy does not apply: the repository has sets.
    ],
)
def test_every_error_conforms(client, seeded, schemas, params, code):
    root = Checked(client, schemas).get(params)
    assert [e.get("code") for e in root.findall("o:error", NS)] == [code]
    request = root.find("o:request", NS)
    assert request.text == "http://testserver/oai/"
    if code in {"badVerb", "badArgument"}:
        assert request.attrib == {}
    else:
        assert request.get("verb") == params["verb"]


def test_echoed_arguments_keep_their_form(client, seeded, schemas):
    """A value the schema has no form for is left out of ``<request>``; the others stay."""
    root = Checked(client, schemas).get({"verb": "ListIdentifiers", "metadataPrefix": "oai dc"})
    assert root.find("o:request", NS).attrib == {"verb": "ListIdentifiers"}
    root = Checked(client, schemas).get(
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2099-01-01", "set": "convention:crc"}
    )
    assert error_code(root) == "noRecordsMatch"
    assert root.find("o:request", NS).attrib == {
        "verb": "ListIdentifiers",
        "metadataPrefix": "oai_dc",
        "from": "2099-01-01",
        "set": "convention:crc",
    }


def test_odd_content_still_conforms(client, seeded, schemas):
    """What editors may type: control characters pasted into a title or a description (XML cannot
    carry them), a convention code that cannot be a set spec, a sender with a display name."""
    checked = Checked(client, schemas)
    odd = Convention.objects.create(
        locale=Locale.get_default(), code="OP AC/2", name="Nghị định\x0b thư", slug="op-ac-2"
    )
    product = library.product(
        title="OAI\x0b ký tự\x1f lạ", description="<p>Mô\x0c tả\x1b</p>", conventions=["CRC"]
    )
    product.conventions.add(odd)
    product.save_revision().publish()
    root = checked.get({"verb": "GetRecord", "identifier": _oai_id(product), "metadataPrefix": "oai_dc"})
    titles = [t.text for t in root.iter(f"{{{oai.DC}}}title")]
    assert titles == ["OAI ký tự lạ"]
    specs = [s.text for s in root.iter(f"{{{oai.OAI}}}setSpec")]
    assert "convention:crc" in specs and not any(" " in spec for spec in specs)
    listed = checked.get({"verb": "ListSets"})
    assert "OP AC" not in ET.tostring(listed, encoding="unicode")
    unlisted = checked.get(
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "convention:op ac/2"}
    )
    assert error_code(unlisted) == "badArgument"
    checked.get({"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    with override_settings(DEFAULT_FROM_EMAIL="Nhân quyền <no-reply@angiang.gov.vn>"):
        identify = checked.get({"verb": "Identify"})
    assert identify.find("o:Identify/o:adminEmail", NS).text == "no-reply@angiang.gov.vn"


def test_earliest_datestamp_bounds_deleted_records(client, seeded, schemas):
    gone = library.product(title="OAI cũ nhất")
    gone.delete()
    ProductTombstone.objects.filter(identifier=gone.identifier).update(
        deleted_at=timezone.now() - timedelta(days=3650)
    )
    identify = Checked(client, schemas).get({"verb": "Identify"})
    earliest = identify.find("o:Identify/o:earliestDatestamp", NS).text
    root = Checked(client, schemas).get({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    assert earliest <= min(d.text for d in root.iter(f"{{{oai.OAI}}}datestamp"))


def test_a_token_of_another_verb_conforms(client, seeded, schemas, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    checked = Checked(client, schemas)
    listed = checked.get({"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    token = listed.find("o:ListIdentifiers/o:resumptionToken", NS).text
    assert error_code(checked.get({"verb": "ListRecords", "resumptionToken": token})) == "badResumptionToken"


# --- conditional GET -------------------------------------------------------------------------


def _next_second():
    """Last-Modified is not given in the second its time names (a change later in that second
    could not be told from it): wait for the next one."""
    time.sleep(1.05 - time.time() % 1)


def test_conditional_get_answers_304_until_content_changes(client, seeded, schemas):
    checked = Checked(client, schemas)
    url = "/oai/?verb=ListRecords&metadataPrefix=oai_dc"
    client.get(url)
    _next_second()
    first = client.get(url)
    stamp = first["Last-Modified"]
    assert parse_http_date(stamp) <= time.time()
    checked.validate(first.content)
    for since in (stamp, http_date(parse_http_date(stamp) + 3600)):
        again = client.get(url, headers={"if-modified-since": since})
        assert again.status_code == 304 and again.content == b""
        assert client.head(url, headers={"if-modified-since": since}).status_code == 304
    earlier = client.get(url, headers={"if-modified-since": http_date(parse_http_date(stamp) - 1)})
    assert earlier.status_code == 200 and earlier["Last-Modified"] == stamp
    assert client.get("/oai/?verb=Identify", headers={"if-modified-since": stamp}).status_code == 304
    posted = client.post("/oai/", {"verb": "Identify"}, headers={"if-modified-since": stamp})
    assert posted.status_code == 200 and not posted.has_header("Last-Modified")

    library.product(title="OAI sửa đổi")  # any change of content
    changed = client.get(url, headers={"if-modified-since": stamp})
    assert changed.status_code == 200 and "OAI sửa đổi" in changed.content.decode()
    assert not changed.has_header("Last-Modified")  # its second has not passed yet
    _next_second()
    later = client.get(url, headers={"if-modified-since": stamp})
    assert later.status_code == 200 and parse_http_date(later["Last-Modified"]) > parse_http_date(stamp)


def test_resumed_lists_are_never_conditional(client, seeded, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    url = "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc"
    client.get(url)
    _next_second()
    token = ET.fromstring(client.get(url).content).find("o:ListIdentifiers/o:resumptionToken", NS).text
    since = http_date(time.time() + 3600)
    resumed = client.get(
        "/oai/", {"verb": "ListIdentifiers", "resumptionToken": token}, headers={"if-modified-since": since}
    )
    assert resumed.status_code == 200 and not resumed.has_header("Last-Modified")
