"""The index follows publishing, unpublishing, moving, deleting and privacy at once, object by
object; dated visibility (embargo, consent) needs no re-index; a rebuild gives the same index."""

import io
from datetime import timedelta
from unittest import mock

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction

from exhibitions.models import ExhibitionItem
from home.models import HomePage, StandardPage
from news.models import ArticleIndexPage
from search import analysis, query
from search.backends import SearchRequest, get_index
from search.models import SearchDocument
from tests.factories import library as library_factory

pytestmark = pytest.mark.django_db


def found(text, language="vi", kinds=("page",)):
    locale = Locale.objects.get(language_code=language)
    return [d.title for d in query.search(text, locale=locale, kinds=list(kinds)).documents]


def test_publish_edit_unpublish_and_delete(seeded):
    home = HomePage.objects.get(locale__language_code="vi")
    page = StandardPage(title="Tuyển cộng tác viên tiếng Chăm", slug="tuyen-ctv", intro="Hạn nộp hồ sơ.")
    home.add_child(instance=page)
    assert found("tieng cham") == []  # a draft is not indexed
    page.save_revision().publish()
    assert found("tieng cham") == ["Tuyển cộng tác viên tiếng Chăm"]
    page.title = "Tuyển phiên dịch tiếng Chăm"
    page.save_revision()  # a new draft of a live page changes nothing public
    assert found("phien dich cham") == []
    page.save_revision().publish()
    assert found("phien dich cham") == ["Tuyển phiên dịch tiếng Chăm"]
    page.unpublish()
    assert found("phien dich cham") == []
    page.save_revision().publish()
    page.delete()
    assert found("phien dich cham") == []
    assert not SearchDocument.objects.filter(object_id=page.pk, kind="page").exists()


def test_moving_a_section_gives_its_pages_their_new_address(seeded):
    section = ArticleIndexPage.objects.get(locale__language_code="vi", depth=3)
    documents = SearchDocument.objects.filter(kind="article", locale__language_code="vi")
    before = set(documents.values_list("url", flat=True))
    assert all(url.startswith(section.url) for url in before)
    section.slug = "thoi-su"
    section.save_revision().publish()
    after = set(documents.values_list("url", flat=True))
    assert len(after) == len(before) and all(url.startswith("/vi/thoi-su/") for url in after)


def test_private_pages_leave_the_index_with_their_children(seeded):
    section = ArticleIndexPage.objects.get(locale__language_code="en", depth=3)
    articles = SearchDocument.objects.filter(kind="article", locale__language_code="en")
    count = articles.count()
    assert count
    restriction = PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")
    assert articles.count() == 0
    restriction.delete()
    assert articles.count() == count


def test_embargoed_products_arrive_when_published_and_consent_ends_without_a_reindex(seeded):
    index, today = get_index(), timezone.localdate()
    vi = Locale.objects.get(language_code="vi")
    product = library_factory.product(
        title="Sản phẩm chờ ngày công bố", embargo_until=today + timedelta(days=10)
    )
    groups = analysis.analyse_query(product.title)

    def ids():
        found = index.search(SearchRequest(groups=groups, locale_id=vi.pk, kinds=["product"])).ids
        return list(SearchDocument.objects.filter(pk__in=found).values_list("object_id", flat=True))

    assert ids() == []  # an embargo is scheduled publishing: nothing to index yet
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(days=10, hours=1)):
        call_command("publish_scheduled", stdout=io.StringIO())
    assert ids() == [product.pk]

    item = ExhibitionItem.objects.get(locale__language_code="vi", title="Lớp học song ngữ")
    item.consent_until = today + timedelta(days=1)
    item.save_revision().publish()
    groups = analysis.analyse_query("Lớp học song ngữ")
    request = SearchRequest(groups=groups, locale_id=vi.pk, kinds=["item"], today=today + timedelta(days=1))
    assert index.search(request).ids
    request.today = today + timedelta(days=2)  # the day after consent ends
    assert index.search(request).ids == []


def test_unpublishing_an_exhibition_takes_its_items_out(seeded):
    from exhibitions.models import ExhibitionPage

    exhibition = ExhibitionPage.objects.get(locale__language_code="km")
    assert SearchDocument.objects.filter(kind="item", locale__language_code="km").exists()
    exhibition.unpublish()
    assert not SearchDocument.objects.filter(kind="item", locale__language_code="km").exists()


def _snapshot():
    return sorted(
        SearchDocument.objects.values_list(
            "kind", "locale_id", "object_id", "url", "title_terms", "body_terms"
        )
    )


def test_a_rebuild_gives_the_index_that_publishing_built(seeded):
    before = _snapshot()
    call_command("update_index", "--site-only", stdout=io.StringIO())
    assert _snapshot() == before


def test_one_statement_counts_every_facet_and_nothing_is_loaded_to_count(seeded):
    vi = Locale.objects.get(language_code="vi")

    def statements(context):
        return [q["sql"] for q in context.captured_queries if "search_search" in q["sql"]]

    with CaptureQueriesContext(connection) as plain:
        query.search("quyền", locale=vi)
    with CaptureQueriesContext(connection) as filtered:
        query.search("quyền", locale=vi, filters={"kind": ["article"], "convention": ["x" * 32]})
    for context in (plain, filtered):
        found = statements(context)
        # the ranked page with its total, every facet count, then the page's documents
        assert len(found) <= 3, found
        # SQLite joins the facet table; PostgreSQL reads the values stored with each hit.
        facet_statements = [sql for sql in found if "COUNT(*) FROM hits" in sql]
        assert len(facet_statements) == 1 and "GROUP BY" in facet_statements[0]
