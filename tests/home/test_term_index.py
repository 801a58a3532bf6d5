"""The per-process term index gives every page the same terms as reading them from the database,
is rebuilt when a term changes, and costs a page one query once built."""

import pytest

from home import page_cache, term_index
from home.models import Convention, Province
from home.tagging import localized_terms
from library.models import ProductPage
from news.models import ArticlePage

pytestmark = pytest.mark.django_db

RELATIONS = {
    ArticlePage: ("conventions", "content_areas", "topics"),
    ProductPage: ("channels", "conventions", "content_areas", "topics"),
}


def from_the_database(page, relations):
    """What the page's terms were before the index: each relation read and localised on its own."""
    terms = {name: localized_terms(getattr(page, name).all(), page.locale_id) for name in relations}
    tags = page.province_tags.select_related("province__successor").order_by("sort_order", "pk")
    provinces = [tag.province for tag in tags]
    terms["provinces"] = localized_terms(provinces, page.locale_id)
    return terms


def described(terms):
    return {
        name: [(type(term).__name__, term.pk, str(term), term.slug) for term in found]
        for name, found in terms.items()
    }


def test_every_tagged_page_gets_the_terms_the_database_gives(seeded):
    compared = 0
    for model, relations in RELATIONS.items():
        for page in model.objects.all():
            indexed = term_index.tags_of(
                page, page.locale_id, provinces=True, **dict.fromkeys(relations, True)
            )
            assert described(indexed) == described(from_the_database(page, relations)), page.url_path
            compared += sum(len(found) for found in indexed.values())
    assert compared > 50


def test_former_provinces_show_their_successor_from_the_index(seeded):
    former = Province.objects.filter(successor__isnull=False).select_related("successor").first()
    indexed = term_index.terms().get(Province, former.pk)
    assert str(indexed) == str(former)
    assert indexed.successor.name == former.successor.name


def test_a_renamed_term_is_seen_at_once(seeded):
    article = ArticlePage.objects.filter(conventions__isnull=False).first()
    convention = article.conventions.first()
    term_index.terms()
    convention.name = "Tên mới của công ước"
    convention.save()  # any saved term starts a new content generation
    names = [
        term.name
        for term in term_index.tags_of(article, convention.locale_id, conventions=True)["conventions"]
    ]
    assert "Tên mới của công ước" in names


def test_a_page_reads_its_terms_in_one_query_once_the_index_is_built(seeded, django_assert_num_queries):
    article = ArticlePage.objects.filter(conventions__isnull=False, province_tags__isnull=False).first()
    page_cache.invalidate()
    term_index.terms()
    with django_assert_num_queries(1):
        tags = term_index.tags_of(
            article, article.locale_id, conventions=True, content_areas=True, topics=True, provinces=True
        )
    assert tags["conventions"] and tags["provinces"]
    assert all(isinstance(term, Convention) for term in tags["conventions"])


def test_publishing_a_page_keeps_the_index_and_editing_a_term_renews_it(seeded):
    built = term_index.terms()
    ArticlePage.objects.live().first().save_revision().publish()
    assert term_index.terms() is built  # pages do not change terms
    Province.objects.first().save()
    assert term_index.terms() is not built


def test_filter_choices_come_from_the_index_current_provinces_first(seeded, django_assert_num_queries):
    from wagtail.models import Locale

    from news.forms import ArticleFilterForm

    locale = Locale.objects.get(language_code="vi")
    term_index.terms()
    with django_assert_num_queries(0):
        form = ArticleFilterForm({"province": "an-giang"}, locale=locale)
    units = list(form.terms["province"].values())
    current = [unit.is_current for unit in units]
    assert current == sorted(current, reverse=True) and current[0] and not current[-1]
    assert form.cleaned_filters()["province"] == form.terms["province"]["an-giang"].translation_key
