"""Graded relevance in vi, en and km (``tests/search/relevance_set.py``): documents where the query's
words stand together, in order, rank above documents where they are scattered (even with one of
them in the title), which rank above documents with only some of them; in Vietnamese, the
reader's diacritics rank above the same letters with other tone marks. Every document with all
the words is found.

The set is stored in the search index directly, each document made as the site makes a page's
(``search.sources._document``), committed once for the module and removed before its tests run;
every query is then asked of the index as the search page asks it, limited to the set's
documents. NDCG@10 per language is in every failure message."""

import unicodedata

import pytest

from wagtail.models import Locale

from search.models import SearchDocument
from tests.search import relevance_set
from tests.search.relevance_set import DISTRACTORS, LANGUAGES, OBJECT_ID_BASE, SPECS, build

LIMIT = 100  # more than any query's documents of grade 2 or 3 (checked below)

QUERIES = [(language, spec.text) for language in LANGUAGES for spec in SPECS[language]]


@pytest.fixture(scope="module")
def outcome(django_db_setup, django_db_blocker):
    relevance = build()
    with django_db_blocker.unblock():
        locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        identities = relevance_set.index(relevance, locales)
        try:
            stored = SearchDocument.objects.filter(object_id__gte=OBJECT_ID_BASE)
            counts = {code: stored.filter(locale=locale).count() for code, locale in locales.items()}
            empty = stored.filter(body_terms="").count()
            results = relevance_set.run(relevance, locales, limit=LIMIT)
        finally:
            relevance_set.remove(identities)
        left = SearchDocument.objects.filter(object_id__gte=OBJECT_ID_BASE).count()
    return {
        "relevance": relevance,
        "results": results,
        "figures": relevance_set.report(relevance, results),
        "stored": counts,
        "empty": empty,
        "left": left,
    }


def _summary(figures, language):
    per_language = ", ".join(f"{code} {figures[code]['ndcg@10']:.3f}" for code in LANGUAGES)
    lines = [f"NDCG@10 per language: {per_language}"]
    lines += [
        f"  {row['query']!r}: NDCG@10 {row['ndcg']:.3f}, order {'kept' if row['order_kept'] else 'broken'}"
        f" ({row['wrong_pairs']} pairs in the wrong order, {row['missing']} missing)"
        for row in figures[language]["per_query"]
    ]
    return "\n".join(lines)


# --- the harness itself ------------------------------------------------------------------------
def test_the_set_is_built_as_specified():
    relevance = build()
    for language in LANGUAGES:
        documents, queries = relevance.by_language(language)
        assert len(queries) >= 12, language
        assert sum("-d" in doc.key for doc in documents) >= DISTRACTORS >= 300
        for query in queries:
            grades = list(query.judgments.values())
            assert grades.count(3) >= 2, (language, query.text)
            assert 0 < sum(g >= 2 for g in grades) <= LIMIT, (language, query.text)
            assert 2 <= len(query.text.split()) <= 4 or language == "km", query.text
        traps = [
            doc.key
            for doc in documents
            if "-title" in doc.key and any(q.judgments.get(doc.key) == 2 for q in queries)
        ]
        assert len(traps) >= len(queries), language  # a word in the title, the others apart in the body
    vietnamese = [doc.title + doc.body for doc in relevance.documents if doc.language == "vi"]
    forms = {
        "NFC": sum(unicodedata.is_normalized("NFC", text) for text in vietnamese),
        "NFD": sum(unicodedata.is_normalized("NFD", text) for text in vietnamese),
    }
    forms["legacy"] = len(vietnamese) - forms["NFC"] - forms["NFD"]
    assert min(forms.values()) >= len(vietnamese) // 4, forms
    legacy = next(text for text in vietnamese if not unicodedata.is_normalized("NFC", text) and "ô" in text)
    assert "ô\u0323" in legacy or "ô\u0300" in legacy or "ô\u0301" in legacy or "ê\u0300" in legacy
    khmer = [q for q in relevance.queries if q.language == "km"]
    assert sum(" " in q.text for q in khmer) >= 10 and any(" " not in q.text for q in khmer)


def test_near_misses_in_tone_marks_are_judged_below_the_readers_words():
    relevance = build()
    queries = {(q.language, q.text): q for q in relevance.queries}
    numbers = {spec.text: number for number, spec in enumerate(SPECS["vi"])}
    for text, near in (
        ("phổ biến", "phố biển"),
        ("tinh thần", "Tình thân"),
        ("bảo vệ trẻ em", "bão về trẻ em"),
    ):
        judgments = queries[("vi", text)].judgments
        prefix = f"vi-q{numbers[text]:02d}-near"
        documents = [doc for doc in relevance.documents if doc.key.startswith(prefix)]
        assert documents, text
        for doc in documents:
            assert near.casefold() in unicodedata.normalize("NFC", doc.body).casefold()
            assert judgments[doc.key] == 1


def test_the_set_is_deterministic():
    first = relevance_set._Builder("en", 7)
    second = relevance_set._Builder("en", 7)
    for builder in (first, second):
        for number, spec in enumerate(SPECS["en"][:3]):
            builder.query_documents(number, spec)
        builder.distractors(10)
    assert first.documents == second.documents


@pytest.mark.django_db
def test_the_index_holds_the_set_and_answers_every_query(outcome):
    relevance = outcome["relevance"]
    assert outcome["stored"] == {c: len(relevance.by_language(c)[0]) for c in LANGUAGES}
    assert outcome["empty"] == 0
    assert outcome["left"] == 0  # removed again
    for query in relevance.queries:
        found = outcome["results"][(query.language, query.text)]
        assert any(key in query.judgments for key in found), f"{query.language} {query.text!r} found nothing"
        assert not [key for key in found if key.startswith("#")]  # only the set's documents


# --- ranking -------------------------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(("language", "text"), QUERIES, ids=[f"{lang}:{text}" for lang, text in QUERIES])
def test_graded_order(outcome, language, text):
    relevance, figures = outcome["relevance"], outcome["figures"]
    query = next(q for q in relevance.queries if (q.language, q.text) == (language, text))
    ranked = outcome["results"][(language, text)]
    wrong, missing = relevance_set.order_violations(ranked, query.judgments)
    top = ", ".join(f"{key}:{query.judgments.get(key, 0)}" for key in ranked[:10])
    context = (
        f"\n{language} {text!r}: NDCG@10 {relevance_set.ndcg(ranked, query.judgments):.3f}; "
        f"top 10 (key:grade) {top}\n{_summary(figures, language)}"
    )
    assert not missing, f"documents with all the words not found: {missing[:8]}{context}"
    shown = [(above, query.judgments[above], below, query.judgments[below]) for above, below in wrong[:6]]
    assert not wrong, (
        f"{len(wrong)} pairs ranked against their grades (above, grade, below, grade): {shown}{context}"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_query_of_the_language_keeps_the_graded_order(outcome, language):
    figures = outcome["figures"][language]
    assert figures["graded_order_kept"] == 1.0, (
        f"{language}: graded order kept for {figures['graded_order_kept']:.0%} of {figures['queries']} "
        f"queries, NDCG@10 {figures['ndcg@10']:.3f}, recall@10 {figures['recall@10']:.3f}\n"
        + _summary(outcome["figures"], language)
    )
