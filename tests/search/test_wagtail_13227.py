"""The double-quote workaround for Wagtail's admin search, and a check that tells us when Wagtail
fixes the bug upstream."""

import pytest

from django.db import OperationalError, connection
from django.urls import reverse

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.wagtail_13227 import quote_safe_backend_class, strip_quotes

pytestmark = pytest.mark.django_db
ON_SQLITE = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the upstream bug is in the SQLite backend"
)


@ON_SQLITE
def test_upstream_still_fails_on_a_double_quote(seeded):
    """When this fails, wagtail/wagtail#13227 is fixed: delete search/wagtail_13227.py."""
    stock, _quote_safe = quote_safe_backend_class()
    with pytest.raises(OperationalError):
        list(stock({}).search('"', Page.objects.live()))


@ON_SQLITE
def test_the_configured_backend_is_the_quote_safe_one(seeded):
    backend = get_search_backend()
    assert isinstance(backend, quote_safe_backend_class()[1])
    assert list(backend.search('"quyền', Page.objects.live())) is not None


def test_quotes_are_removed_and_words_kept():
    assert strip_quotes('"quyền con người"') == "quyền con người"
    assert strip_quotes("\u201cquyền\u201d  trẻ em") == "quyền trẻ em"
    assert strip_quotes('"') == ""


@pytest.mark.parametrize("query", ['"', '"quyền', 'a"b"c', "“Khmer”"])
def test_admin_and_site_search_accept_quotes(admin_client, client, seeded, query):
    assert admin_client.get(reverse("wagtailadmin_pages:search"), {"q": query}).status_code == 200
    assert client.get("/vi/search/", {"q": query}).status_code == 200
