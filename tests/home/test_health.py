"""Liveness and readiness probes."""

import pytest

from django.conf import settings
from django.test import override_settings

from cms.settings import components

pytestmark = pytest.mark.django_db


def test_healthz_is_always_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_reports_every_dependency(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "media_storage": "ok"},
    }


def test_readyz_is_503_with_a_reason_when_the_cache_is_unreachable(client):
    with override_settings(CACHES=components.caches("redis://127.0.0.1:1/0")):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["cache"].startswith("error: ")
    assert body["checks"]["database"] == "ok"


def test_readyz_is_503_when_media_storage_is_unreachable(client):
    storages = components.storages(
        bucket="media",
        endpoint_url="http://127.0.0.1:1",
        access_key="x",
        secret_key="y",
        region="us-east-1",
    )
    with override_settings(STORAGES={**settings.STORAGES, "default": storages["default"]}):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["media_storage"].startswith("error: ")


def test_readyz_uses_real_redis_when_configured(client):
    with override_settings(CACHES=components.caches("redis://127.0.0.1:6379/15")):
        response = client.get("/readyz")
    assert response.status_code == 200, response.json()
