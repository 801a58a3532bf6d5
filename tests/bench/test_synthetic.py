"""The benchmark seeders write rows the real pages, API and OAI read correctly, in each of the
three languages, with text in the page's language (``bench/``)."""

import io
import re

import pytest

from django.core.management import call_command
from django.utils.html import strip_tags

from bench.corpus import LANGUAGES, Corpus, capacity, language_problems, self_check
from library.models import LibraryPage, ProductPage
from news.models import ArticleIndexPage, ArticlePage


def _problems(language, title, text):
    problems = language_problems(language, title, sentence=False)
    sentences = re.split(r"(?<=[.។])\s+(?=\S)", text.strip())
    problems += [p for sentence in sentences for p in language_problems(language, sentence)]
    return problems


@pytest.mark.django_db
def test_seed_products_fills_the_three_libraries_with_valid_tagged_records(client, seeded):
    libraries = {code: LibraryPage.objects.get(locale__language_code=code) for code in LANGUAGES}
    before = {code: library.numchild for code, library in libraries.items()}
    api_before = {
        code: client.get(f"/api/v1/products/?lang={code}&page_size=1").json()["count"] for code in LANGUAGES
    }
    out = io.StringIO()
    call_command("seed_products", "150", stdout=out)
    assert "Created 150 products (vi 50, en 50, km 50)." in out.getvalue()
    assert ProductPage.objects.filter(identifier__startswith="SY-").count() == 150
    for code, library in libraries.items():
        library.refresh_from_db()
        assert library.get_children().count() == library.numchild == before[code] + 50
        synthetic = ProductPage.objects.filter(identifier__startswith="SY-", locale__language_code=code)
        assert synthetic.count() == 50
        sample = synthetic.order_by("pk").first()
        assert sample.conventions.exists() and sample.languages.exists() and sample.province_tags.exists()
        assert _problems(code, sample.title, strip_tags(sample.description)) == []
        assert client.get(sample.url).status_code == 200
        api = client.get(f"/api/v1/products/?lang={code}&page_size=1").json()
        assert api["count"] == api_before[code] + 50
    html = client.get(f"{libraries['vi'].url}?type=video").content.decode()
    assert "SY-" in html


@pytest.mark.django_db
def test_seed_products_in_one_language(seeded):
    library = LibraryPage.objects.get(locale__language_code="km")
    before = library.numchild
    call_command("seed_products", "30", "--language", "km", stdout=io.StringIO())
    library.refresh_from_db()
    assert library.numchild == before + 30
    products = ProductPage.objects.filter(identifier__startswith="SY-")
    assert set(products.values_list("locale__language_code", flat=True)) == {"km"}
    assert set(products.values_list("languages__code", flat=True)) >= {"khm"}


@pytest.mark.django_db
def test_seed_articles_fills_the_three_news_sections(client, seeded):
    sections = {code: ArticleIndexPage.objects.get(locale__language_code=code, depth=3) for code in LANGUAGES}
    before = {code: section.numchild for code, section in sections.items()}
    out = io.StringIO()
    call_command("seed_articles", "31", stdout=out)
    assert "Created 31 articles (vi 11, en 10, km 10)." in out.getvalue()
    for code, section in sections.items():
        section.refresh_from_db()
        assert (
            section.get_children().count() == section.numchild == before[code] + (11 if code == "vi" else 10)
        )
        article = ArticlePage.objects.filter(slug__startswith="bv-", locale__language_code=code).first()
        body = " ".join(strip_tags(str(block.value)) for block in article.body)
        assert _problems(code, article.title, f"{article.standfirst} {body}") == []
        assert client.get(article.url).status_code == 200


def test_the_generator_writes_each_language_in_its_own_script():
    for language in LANGUAGES:
        corpus = Corpus(language, seed=5)
        for _ in range(300):
            assert language_problems(language, corpus.sentence()) == []
            assert language_problems(language, corpus.title(), sentence=False) == []
    assert re.search("[ăâđêôơư]", Corpus("vi", 1).paragraph(10))
    assert re.search("[\u1780-\u17ff]", Corpus("km", 1).paragraph(2))
    assert " the " in Corpus("en", 1).paragraph(10)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_thousand_sentences_are_almost_all_distinct(language):
    corpus = Corpus(language, seed=1079)
    sentences = [corpus.sentence() for _ in range(1000)]
    assert len(set(sentences)) >= 950, f"{language}: {len(set(sentences))} distinct of 1,000"
    assert capacity(language) > 10**9


def test_the_generator_is_deterministic():
    for language in LANGUAGES:
        assert Corpus(language, 3).paragraph(5) == Corpus(language, 3).paragraph(5)
        assert Corpus(language, 3).paragraph(5) != Corpus(language, 4).paragraph(5)


def test_self_check():
    report = self_check(samples=1000)
    assert set(report) == set(LANGUAGES)
    for language, figures in report.items():
        assert figures["templates"] >= 36, language
        assert figures["distinct_share"] >= 0.95, language
