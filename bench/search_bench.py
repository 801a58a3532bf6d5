"""Search at scale: one-, two- and three-word queries in vi, en and km with two facets selected on
the site search page, the library and its API, and autocomplete.

    python bench/search_bench.py            # uses DATABASE_URL

Run ``bash bench/run_search.sh`` to build 100,000 products and 10,000 articles on SQLite and
PostgreSQL, index them and time these scenarios.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")

import django

django.setup()

from django.db import connection  # noqa: E402

from wagtail.models import Locale  # noqa: E402

from bench.timing import machine, measure, save  # noqa: E402
from search.models import SearchDocument  # noqa: E402

SCENARIOS = [
    ("site search, one word, two facets", "/vi/search/?q=bạo&kind=product&convention=crc"),
    ("site search, two words, two facets", "/vi/search/?q=bạo+lực&kind=product&convention=crc"),
    ("site search, three words, two facets", "/vi/search/?q=bạo+lực+gia&kind=product&convention=crc"),
    (
        "site search, two words without marks, two facets",
        "/vi/search/?q=bao+luc&kind=article&province=an-giang",
    ),
    ("site search, two words", "/vi/search/?q=bạo+lực"),
    ("site search, two words, all languages", "/vi/search/?q=bạo+lực&scope=all"),
    (
        "site search, broad words (worst case), two facets",
        "/vi/search/?q=quyền+trẻ&kind=product&convention=crc",
    ),
    ("site search (en), one word, two facets", "/en/search/?q=violence&kind=product&convention=crc"),
    (
        "site search (en), two words, two facets",
        "/en/search/?q=domestic+violence&kind=product&convention=crc",
    ),
    (
        "site search (en), three words, two facets",
        "/en/search/?q=prevention+domestic+violence&kind=product&convention=crc",
    ),
    ("site search (km), one word, two facets", "/km/search/?q=សិទ្ធិ&kind=product&convention=crc"),
    ("site search (km), two words, two facets", "/km/search/?q=សិទ្ធិ+កុមារ&kind=product&convention=crc"),
    (
        "site search (km), three words, two facets",
        "/km/search/?q=អំពើ+ហិង្សា+គ្រួសារ&kind=product&convention=crc",
    ),
    ("library, two words, two facets", "/vi/library/?q=bạo+lực&convention=crc&type=video"),
    ("API list, two words, two facets", "/api/v1/products/?q=bạo+lực&convention=crc&type=video"),
    ("autocomplete", "/vi/search/suggest/?q=bao+l"),
]


def hits(path):
    """How many documents the scenario's query matches (search page scenarios only)."""
    language, _slash, rest = path[1:].partition("/")
    if not rest.startswith("search/?"):
        return None
    from django.http import QueryDict
    from django.utils import translation

    from search import query
    from search.views import _filters

    params = QueryDict(path.split("?", 1)[1])
    with translation.override(language):
        locale = Locale.objects.get(language_code=language)
        filters, _ignored = _filters(params, locale)
        scope = None if params.get("scope") == "all" else locale
        return query.search(params["q"], locale=scope, filters=filters, facets=[]).total


def main():
    documents = SearchDocument.objects.count()
    by_kind = {kind: SearchDocument.objects.filter(kind=kind).count() for kind in ("product", "article")}
    results = {"machine": machine(), "documents": documents, **by_kind, "scenarios": []}
    print(f"{connection.vendor}: {documents} documents ({by_kind})")
    for label, path in SCENARIOS:
        row = measure(path)
        row["label"], row["hits"] = label, hits(path)
        results["scenarios"].append(row)
        print(f"| {label} | {row['hits']} | {row['p50_ms']} | {row['p95_ms']} | {row['queries']} |")
    print(save("search", results))


if __name__ == "__main__":
    main()
