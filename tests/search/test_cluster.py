"""The Elasticsearch/OpenSearch backend, against osmem-server (an OpenSearch-compatible server that
runs in-process for tests; no real cluster can be installed here). It checks the index definition,
the requests and the answers; a real cluster's relevance is not measured by these tests."""

import pytest

from django.urls import reverse

from wagtail.models import Locale

from cms.settings import components
from news.models import ArticlePage
from search import indexing, query
from search.backends import DatabaseIndex, get_index
from search.cluster import ClusterIndex, index_definition

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster(osmem_url, settings):
    host = osmem_url.removeprefix("http://")
    settings.NHANQUYEN_SEARCH = components.site_search(f"opensearch://{host}/nhanquyen")
    index = get_index()
    assert isinstance(index, ClusterIndex) and index.name == "nhanquyen-portal"
    indexing.rebuild()
    return index


def test_index_definition_is_strict_and_only_splits_on_whitespace():
    definition = index_definition()
    assert definition["mappings"]["dynamic"] == "strict"
    analyzers = definition["settings"]["analysis"]["analyzer"]
    assert analyzers["nhanquyen_terms"] == {"type": "custom", "tokenizer": "whitespace"}
    properties = definition["mappings"]["properties"]
    for field in ("title_terms", "body_terms", "syllables"):
        assert properties[field]["analyzer"] == "nhanquyen_terms"
    assert properties["facets"]["type"] == "keyword"


def test_settings_from_search_url():
    options = components.site_search("opensearch://user:p%40ss@search:9201/portal")
    assert options == {
        "BACKEND": "search.cluster.ClusterIndex",
        "URL": "http://user:p%40ss@search:9201",
        "INDEX": "portal-portal",
        "TIMEOUT": 5,
    }
    assert components.site_search(None) == {"BACKEND": "search.backends.DatabaseIndex"}


def test_the_cluster_keeps_the_terms_our_analysis_made(cluster):
    terms = "quyen quye6n2 សិទ្ធិ មនុស្ស right rights"
    analysed = cluster._call(
        "POST", f"{cluster.name}/_analyze", {"analyzer": "nhanquyen_terms", "text": terms}
    )
    assert [token["token"] for token in analysed["tokens"]] == terms.split()


@pytest.mark.parametrize(
    ("language", "text"), [("vi", "quyen tre em"), ("km", "សិទ្ធិ"), ("en", "children rights")]
)
def test_cluster_and_database_find_the_same_documents_and_counts(cluster, language, text):
    locale = Locale.objects.get(language_code=language)
    on_cluster = query.search(text, locale=locale, limit=50)
    database = DatabaseIndex()
    from search.analysis import analyse_query
    from search.backends import SearchRequest

    request = SearchRequest(
        groups=analyse_query(text, english=language == "en"),
        locale_id=locale.pk,
        facets=query.FACETS,
        limit=50,
    )
    in_database = database.search(request)
    assert on_cluster.total == in_database.total > 0
    assert {d.pk for d in on_cluster.documents} == set(in_database.ids)
    assert on_cluster.facets == in_database.facets


def test_facet_selection_and_suggestions_on_the_cluster(cluster):
    vi = Locale.objects.get(language_code="vi")
    everything = query.search("quyền", locale=vi)
    articles = query.search("quyền", locale=vi, filters={"kind": ["article"]})
    assert articles.total == everything.facets["kind"]["article"] < everything.total
    assert articles.facets["kind"] == everything.facets["kind"]  # own selection ignored
    suggestions = query.suggest("quyen tr", locale=vi)
    assert suggestions and all(s["url"].startswith("/vi/") for s in suggestions)


def test_publishing_updates_the_cluster(cluster, client):
    article = ArticlePage.objects.live().filter(locale__language_code="en").first()
    en = Locale.objects.get(language_code="en")
    assert article.title in [d.title for d in query.search(article.title, locale=en).documents]
    cluster.refresh()
    article.unpublish()
    cluster.refresh()
    assert article.title not in [d.title for d in query.search(article.title, locale=en).documents]
    page = client.get(reverse("search"), {"q": "children"}, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
