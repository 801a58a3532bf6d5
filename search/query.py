"""Full-text matching used by listings: the one place that talks to the search backend.

Views and listings call :func:`matching_ids` and never branch on which backend is configured.
"""

from wagtail.search.backends import get_search_backend

from .forms import MAX_QUERY_LENGTH
from .wagtail_13227 import strip_quotes

MAX_MATCHES = 10_000


def clean_query(text):
    return strip_quotes(text or "")[:MAX_QUERY_LENGTH].strip()


def matching_ids(queryset, text, limit=MAX_MATCHES):
    """Primary keys of objects in ``queryset`` matching ``text`` (all words), best first."""
    text = clean_query(text)
    if not text:
        return []
    results = get_search_backend().search(text, queryset, operator="and")
    return [obj.pk for obj in results[:limit]]
