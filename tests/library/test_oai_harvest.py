"""A real OAI-PMH client (Sickle) harvests the repository end to end over HTTP."""

import pytest
from sickle import Sickle

from library import oai

pytestmark = pytest.mark.django_db


def test_sickle_harvests_everything_with_resumption(portal_server, monkeypatch):
    monkeypatch.setattr(oai, "PAGE_SIZE", 2)
    harvester = Sickle(f"{portal_server.url}/oai/", max_retries=1, timeout=30)
    identify = harvester.Identify()
    assert identify.protocolVersion == "2.0"
    assert [f.metadataPrefix for f in harvester.ListMetadataFormats()] == ["oai_dc"]
    sets = [s.setSpec for s in harvester.ListSets()]
    assert "convention:crc" in sets
    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    assert len(records) == 6 and len({r.header.identifier for r in records}) == 6
    assert all(r.metadata["title"] for r in records)
    crc = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set="convention:crc"))
    assert len(crc) == 3
    one = harvester.GetRecord(identifier=records[0].header.identifier, metadataPrefix="oai_dc")
    assert one.header.identifier == records[0].header.identifier
