"""Graded relevance at scale: the relevance set of ``tests/search/relevance_set.py`` loaded into a
benchmark database that already holds the benchmark documents (``bash bench/run_search.sh``),
its queries run against the whole index, then the set removed again.

    python bench/relevance_bench.py            # uses DATABASE_URL; bench/run_relevance.sh sets it

Prints and saves (``bench/results/relevance-<database>.json``), per language: recall@10, NDCG@10
and the share of queries whose graded order is kept (every document of grade 3 above every one of
grade 2, those above grade 1). Two runs: against the whole index, where the benchmark's own
documents compete (each one returned is judged on the spot by the set's rules, with its metadata,
so a benchmark document with the query's phrase counts as relevant, not as noise; the set's
relevant documents pushed out of the first ``LIMIT`` are counted as ``missing``), and against the
set alone, as the test suite runs it (there every document of grade 2 or more must be found).
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")

import django

django.setup()

from django.db import connection  # noqa: E402

from wagtail.models import Locale  # noqa: E402

from bench.timing import machine, save  # noqa: E402
from search.models import SearchDocument  # noqa: E402
from tests.search import relevance_set  # noqa: E402
from tests.search.relevance_set import LANGUAGES, Doc, Query, RelevanceSet  # noqa: E402

LIMIT = 100


def judged_on_the_spot(relevance, results):
    """The set's queries with the index's other returned documents judged too."""
    others = {key for ranked in results.values() for key in ranked if key.startswith("#")}
    fields = ["pk", "title", "text"]
    has_metadata = any(f.name == "metadata" for f in SearchDocument._meta.get_fields())
    rows = SearchDocument.objects.filter(pk__in=[int(key[1:]) for key in others])
    documents = {}
    for row in rows.values(*fields, *(["metadata"] if has_metadata else [])):
        metadata = [str(value) for _label, value in (row.get("metadata") or [])]
        documents[f"#{row['pk']}"] = (row["title"], row["text"], metadata)
    queries = []
    for query in relevance.queries:
        judgments = dict(query.judgments)
        for key in results[(query.language, query.text)]:
            if key in documents:
                title, text, metadata = documents[key]
                doc = Doc(key, query.language, title, text)
                value = relevance_set.grade(query.language, query.text, doc, metadata)
                if value:
                    judgments[key] = value
        queries.append(Query(query.language, query.text, judgments))
    return RelevanceSet(relevance.documents, queries)


def _brief(figures):
    return {
        language: {name: value for name, value in row.items() if name != "per_query"}
        for language, row in figures.items()
    }


def main():
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    before = SearchDocument.objects.count()
    per_language = {
        code: SearchDocument.objects.filter(locale=locale).count() for code, locale in locales.items()
    }
    started = time.perf_counter()
    relevance = relevance_set.build()
    built = time.perf_counter() - started
    print(f"{connection.vendor}: {before} documents in the index {per_language}; set built in {built:.1f} s")
    identities = relevance_set.index(relevance, locales)
    try:
        started = time.perf_counter()
        whole = relevance_set.run(relevance, locales, limit=LIMIT, only_the_set=False)
        elapsed = time.perf_counter() - started
        alone = relevance_set.run(relevance, locales, limit=LIMIT, only_the_set=True)
    finally:
        relevance_set.remove(identities)
    left = SearchDocument.objects.count()
    assert left == before, f"the set was not removed: {left} documents, {before} before"
    # More documents of the index hold the query's words than fit in the results: those of the set
    # that do not fit are counted ("missing"), not held against the order.
    whole_figures = relevance_set.report(judged_on_the_spot(relevance, whole), whole, require_all=False)
    alone_figures = relevance_set.report(relevance, alone)
    payload = {
        "machine": machine(),
        "documents": before,
        "documents_per_language": per_language,
        "set_documents": len(relevance.documents),
        "queries": len(relevance.queries),
        "limit": LIMIT,
        "query_ms_mean": round(1000 * elapsed / len(relevance.queries), 1),
        "whole_index": whole_figures,
        "set_alone": alone_figures,
    }
    for label, figures in (("whole index", whole_figures), ("set alone", alone_figures)):
        print(f"\n{label}:")
        for language, row in _brief(figures).items():
            print(
                f"  {language}: recall@10 {row['recall@10']:.3f}  NDCG@10 {row['ndcg@10']:.3f}  "
                f"graded order kept {row['graded_order_kept']:.0%} of {row['queries']} queries"
            )
    print("\n" + str(save("relevance", payload)))


if __name__ == "__main__":
    main()
