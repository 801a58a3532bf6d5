"""The partner API: filters, pagination, incremental sync, OpenAPI, keys, rate limits, CORS."""

from datetime import timedelta

import pytest

from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from library.models import PartnerKey
from tests.factories import library

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def test_lists_published_products_with_stable_fields(client, seeded):
    body = client.get("/api/v1/products/").json()
    assert body["count"] == 6 and body["page"] == 1 and body["next"] is None
    item = next(p for p in body["results"] if p["title"].startswith("Kịch truyền thanh"))
    assert item["identifier"].startswith("AG-2026-")
    assert item["product_type"]["code"] == "radio-drama"
    assert set(item["content_languages"]) == {"vie", "khm"}
    assert item["conventions"] == ["CRC"]
    assert item["provinces"] == [{"slug": "an-giang", "name": "An Giang", "current": True}]
    assert {t["language"] for t in item["translations"]} == {"en", "km"}
    one = client.get(f"/api/v1/products/{item['identifier']}/?lang=km").json()
    assert one["identifier"] == item["identifier"] and one["language"] == "km"


def test_same_filters_and_query_as_the_public_page(client, seeded):
    body = client.get("/api/v1/products/?convention=crc&province=an-giang&lang=vi").json()
    titles = {item["title"] for item in body["results"]}
    assert titles == {"Kịch truyền thanh: Quyền được đến trường", "Tờ rơi: Phòng, chống mua bán người"}
    assert client.get("/api/v1/products/?language=hmn").json()["count"] == 1
    assert client.get("/api/v1/products/?q=Khmer&lang=en").json()["count"] >= 1


def test_pagination_and_page_size_cap(client, seeded):
    for _ in range(3):
        library.product(product_type="banner")
    first = client.get("/api/v1/products/?type=banner&page_size=2").json()
    assert len(first["results"]) == 2 and first["count"] == 3
    second = client.get(first["next"].replace("http://testserver", "")).json()
    assert len(second["results"]) == 1 and second["previous"]
    # Out of range is an error that says so, never silently another size.
    for size in ("101", "1000000", "0"):
        assert client.get(f"/api/v1/products/?page_size={size}").status_code == 422
    assert client.get("/api/v1/products/?page_size=100").json()["page_size"] == 100
    assert client.get("/api/v1/products/?page=999").json()["results"] == []


def test_modified_since_for_incremental_sync(client, seeded):
    since = timezone.now() + timedelta(seconds=1)
    assert client.get("/api/v1/products/", {"modified_since": since.isoformat()}).json()["count"] == 0
    product = library.product(title="Mới sửa")
    product.last_published_at = since + timedelta(seconds=5)
    product.save(update_fields=["last_published_at"])
    body = client.get("/api/v1/products/", {"modified_since": since.isoformat()}).json()
    assert [item["title"] for item in body["results"]] == ["Mới sửa"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("convention=nope", 400),
        ("lang=fr", 422),
        ("page=0", 422),
        ("page=abc", 422),
        ("modified_since=yesterday", 422),
        ("year=abc", 400),
    ],
)
def test_bad_input_is_a_clear_client_error(client, seeded, query, status):
    assert client.get(f"/api/v1/products/?{query}").status_code == status


def test_unknown_identifier_is_404(client, seeded):
    assert client.get("/api/v1/products/XX-1999-000000/").status_code == 404


def test_drafts_and_embargoed_products_never_leak(client, seeded):
    draft = library.product(title="API nháp", publish=False)
    embargoed = library.product(title="API cấm vận", embargo_until=timezone.localdate() + timedelta(days=2))
    body = client.get("/api/v1/products/?page_size=100").content.decode()
    assert "API nháp" not in body and "API cấm vận" not in body
    assert client.get(f"/api/v1/products/{draft.identifier}/").status_code == 404
    assert client.get(f"/api/v1/products/{embargoed.identifier}/").status_code == 404


def test_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/products/" in spec["paths"] and "/api/v1/products/{identifier}/" in spec["paths"]
    names = {p["name"] for p in spec["paths"]["/api/v1/products/"]["get"]["parameters"]}
    assert {"q", "convention", "province", "type", "language", "channel", "year", "organisation"} <= names
    assert {"modified_since", "page", "page_size", "lang"} <= names


def test_api_keys_and_rate_limits(client, seeded, monkeypatch):
    # The limit counts per clock minute: keep the clock inside one minute for the test.
    from django.utils import timezone

    import library.api

    moment = timezone.now().replace(second=10)
    monkeypatch.setattr(library.api.timezone, "now", lambda: moment)
    assert client.get("/api/v1/products/", HTTP_X_API_KEY="forged-key-value").status_code == 401
    key, secret = PartnerKey.issue("Sở Thông tin và Truyền thông", requests_per_minute=3)
    statuses = [client.get("/api/v1/products/", HTTP_X_API_KEY=secret).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    key.active = False
    key.save()
    assert client.get("/api/v1/products/", HTTP_X_API_KEY=secret).status_code == 401
    with override_settings(LIBRARY_API_ANONYMOUS_RATE=2):
        cache.clear()
        anonymous = [client.get("/api/v1/products/").status_code for _ in range(3)]
    assert anonymous == [200, 200, 429]


def test_cors_only_for_configured_origins(client, seeded):
    with override_settings(LIBRARY_API_CORS_ORIGINS=["https://data.example.gov.vn"]):
        allowed = client.get("/api/v1/products/", HTTP_ORIGIN="https://data.example.gov.vn")
        other = client.get("/api/v1/products/", HTTP_ORIGIN="https://evil.example")
        preflight = client.options("/api/v1/products/", HTTP_ORIGIN="https://data.example.gov.vn")
        page = client.get("/vi/library/", HTTP_ORIGIN="https://data.example.gov.vn")
    assert allowed["Access-Control-Allow-Origin"] == "https://data.example.gov.vn"
    assert "Access-Control-Allow-Origin" not in other
    assert preflight.status_code == 204 and "X-API-Key" in preflight["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Origin" not in page


def test_a_huge_page_number_is_an_empty_page_not_an_error(client, seeded):
    response = client.get("/api/v1/products/?page=99999999999999999999")
    assert response.status_code == 200 and response.json()["results"] == []


@pytest.mark.parametrize(
    ("params", "headers", "status"),
    [
        # Valid ISO 8601, but an offset no PostgreSQL time zone has: compared in UTC.
        ({"modified_since": "2026-01-01T00:00:00+23:59"}, {}, 200),
        ({"modified_since": "2026-01-01T00:00:00-23:59"}, {}, 200),
        # A key no one was issued: unknown, before any lookup (PostgreSQL refuses NUL in text).
        ({}, {"HTTP_X_API_KEY": "abcdefgh\x00ijkl"}, 401),
        ({}, {"HTTP_X_API_KEY": "k" * 5000}, 401),
        ({}, {"HTTP_X_API_KEY": "khóa-bí-mật"}, 401),
    ],
)
def test_odd_but_harmless_input_is_answered_not_a_server_error(client, seeded, params, headers, status):
    """Found by the fuzz suite on PostgreSQL (tests/fuzz): both answered 500."""
    assert client.get("/api/v1/products/", params, **headers).status_code == status
