"""The double-quote workaround, and a check that tells us when Wagtail fixes it upstream."""

import pytest

from django.db import OperationalError, connection

from wagtail.models import Page

from search.wagtail_13227 import strip_quotes

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the upstream bug is in the SQLite FTS5 backend")
def test_upstream_still_fails_on_a_double_quote(seeded):
    """When this fails, wagtail/wagtail#13227 is fixed: delete search/wagtail_13227.py."""
    with pytest.raises(OperationalError):
        list(Page.objects.live().search('"'))


def test_quotes_are_removed_and_words_kept():
    assert strip_quotes('"quyền con người"') == "quyền con người"
    assert strip_quotes("\u201cquyền\u201d  trẻ em") == "quyền trẻ em"
    assert strip_quotes('"') == ""


@pytest.mark.parametrize("query", ['"', '"quyền', 'a"b"c', "“Khmer”"])
def test_search_page_accepts_quotes(client, seeded, query):
    assert client.get("/vi/search/", {"q": query}).status_code == 200
