"""Workaround for wagtail/wagtail#13227: a double quote in a query crashes SQLite FTS5 search.

Wagtail's database search on SQLite passes ``"`` through to ``MATCH`` unescaped, and SQLite raises
``OperationalError: unterminated string``: a 500 for any editor who types a quote into an admin
search box on the embedded (SQLite) setup. The site's own search (``search.backends``) builds its
FTS5 queries itself and is not affected; this module covers Wagtail's admin search. It subclasses
the stock backend (no patching): ``WAGTAILSEARCH_BACKENDS`` points at this module, whose
:func:`SearchBackend` returns the quote-safe subclass on SQLite and the stock backend elsewhere.

Delete this module (and point ``components.search_backends`` back at
``wagtail.search.backends.database``) when
``tests/search/test_wagtail_13227.py::test_upstream_still_fails_on_a_double_quote`` fails: that
means Wagtail handles the quote itself.
"""

from functools import lru_cache

from modelsearch.backends.database import SearchBackend as database_search_backend

from django.db import connection

QUOTES = str.maketrans({'"': " ", "\u201c": " ", "\u201d": " "})


def strip_quotes(query):
    return " ".join(query.translate(QUOTES).split())


@lru_cache(maxsize=1)
def quote_safe_backend_class():
    """The subclass, defined on first use: modelsearch's SQLite module only imports on SQLite."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    class QuoteSafeSQLiteSearchBackend(SQLiteSearchBackend):
        def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
            if isinstance(query, str):
                query = strip_quotes(query)
            return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)

    return SQLiteSearchBackend, QuoteSafeSQLiteSearchBackend


def SearchBackend(params):
    backend = database_search_backend(params)
    if connection.vendor == "sqlite":
        stock, quote_safe = quote_safe_backend_class()
        if type(backend) is stock:
            return quote_safe(params)
    return backend
