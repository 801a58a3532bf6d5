"""The partner API keeps its own contract: the OpenAPI document is valid (openapi-spec-validator),
and every response, errors included, has a status the document declares for its operation and a
body its declared schema accepts (openapi-schema-validator, OpenAPI 3.1 dialect)."""

import re

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_spec

from django.core.cache import cache
from django.test import override_settings

from library.models import PartnerKey, ProductPage

pytestmark = pytest.mark.django_db
LIST = "/api/v1/products/"
DETAIL = "/api/v1/products/{identifier}/"


@pytest.fixture
def spec(client, seeded):
    document = client.get("/api/v1/openapi.json").json()
    validate_spec(document)
    return document


def _check(spec, template, response):
    """The response's status is declared for the operation and its body fits the declared schema."""
    operation = spec["paths"][template]["get"]
    status = str(response.status_code)
    assert status in operation["responses"], f"{template} answered an undeclared {status}"
    declared = operation["responses"][status]
    schema = declared["content"]["application/json"]["schema"]
    validator = OAS31Validator({**schema, "components": spec["components"]})
    errors = [error.message for error in validator.iter_errors(response.json())]
    assert not errors, (template, status, errors)
    for header in declared.get("headers", {}):
        assert response.has_header(header), (template, status, header)


def _requests(identifier):
    for lang in ("vi", "en", "km"):
        yield LIST, f"{LIST}?lang={lang}", 200
        yield LIST, f"{LIST}?lang={lang}&convention=crc&page_size=2", 200
        yield LIST, f"{LIST}?lang={lang}&page=2&page_size=1", 200
        yield DETAIL, f"{LIST}{identifier}/?lang={lang}", 200
    yield LIST, f"{LIST}?convention=nope", 400
    yield LIST, f"{LIST}?year=abc", 400
    yield LIST, f"{LIST}?page_size=101", 422
    yield LIST, f"{LIST}?page_size=0", 422
    yield LIST, f"{LIST}?page=0", 422
    yield LIST, f"{LIST}?lang=fr", 422
    yield LIST, f"{LIST}?modified_since=yesterday", 422
    yield DETAIL, f"{LIST}XX-1999-000000/", 404
    yield DETAIL, f"{LIST}{identifier}/?lang=fr", 422


def test_spec_declares_what_partners_need(spec):
    listing = spec["paths"][LIST]["get"]
    assert {"400", "401", "422", "429"} <= set(listing["responses"])
    assert "404" in spec["paths"][DETAIL]["get"]["responses"]
    parameters = {p["name"]: p["schema"] for p in listing["parameters"]}
    assert parameters["page_size"]["maximum"] == 100 and parameters["page_size"]["minimum"] == 1
    lang = parameters["lang"]
    branches = [lang, *lang.get("anyOf", [])]
    assert {value for branch in branches for value in branch.get("enum", [])} == {"vi", "en", "km"}
    scheme = spec["components"]["securitySchemes"]["PartnerKey"]
    assert scheme == {**scheme, "type": "apiKey", "in": "header", "name": "X-API-Key"}
    assert {"PartnerKey": []} in listing["security"] and {} in listing["security"]


def test_every_response_matches_the_spec(client, spec):
    identifier = ProductPage.objects.live().filter(locale__language_code="vi").first().identifier
    checked = 0
    for template, url, expected in _requests(identifier):
        response = client.get(url)
        assert response.status_code == expected, url
        _check(spec, template, response)
        checked += 1
    response = client.get(LIST, HTTP_X_API_KEY="not-a-key")
    assert response.status_code == 401
    _check(spec, LIST, response)
    with override_settings(LIBRARY_API_ANONYMOUS_RATE=1):
        cache.clear()
        client.get(LIST)
        limited = client.get(LIST)
    assert limited.status_code == 429 and re.fullmatch(r"[1-9][0-9]*", limited["Retry-After"])
    _check(spec, LIST, limited)
    assert checked + 2 == len(list(_requests(identifier))) + 2


def test_a_partner_key_is_accepted_as_declared(client, spec):
    _key, secret = PartnerKey.issue("Contract test", requests_per_minute=100)
    response = client.get(LIST, HTTP_X_API_KEY=secret)
    assert response.status_code == 200
    _check(spec, LIST, response)


@pytest.mark.parametrize("path", [LIST, "/api/v1/products/?lang=km", "/sitemap.xml", "/robots.txt", "/oai/"])
def test_head_wherever_get_works(client, seeded, path):
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == get.status_code == 200, path
    assert head["Content-Type"] == get["Content-Type"] and head.content == b""
