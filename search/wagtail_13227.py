"""Workaround for wagtail/wagtail#13227: a double quote in a query crashes SQLite FTS5 search.

Wagtail's SQLite backend passes ``"`` through to ``MATCH`` unescaped, and SQLite raises
``OperationalError: unterminated string`` (a 500 for any visitor who types a quote). Until that is
fixed upstream, queries lose their double quotes before reaching the backend; a quote carries no
meaning in our plain-text search anyway.

Delete this module, and its call in ``search.views``, when
``tests/search/test_wagtail_13227.py::test_upstream_still_fails_on_a_double_quote`` fails: that
means Wagtail handles the quote itself.
"""

QUOTES = str.maketrans({'"': " ", "\u201c": " ", "\u201d": " "})


def strip_quotes(query):
    return " ".join(query.translate(QUOTES).split())
