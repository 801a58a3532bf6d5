"""The site search page, autocomplete, promotions and the report of searches without results."""

import logging
import re

import pytest

from django.urls import reverse

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from exhibitions.models import ExhibitionItem
from news.models import ArticlePage
from search.models import ZeroResultQuery
from tests.accounts import sign_in

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<li class="result">\s*<h2><a href="[^"]*"[^>]*>([^<]*)</a>', html)


def kind_counts(html):
    pattern = r'name="kind" value="(\w+)"[^>]*> [^<]+ <span class="facet__count">\((\d+)\)'
    return {kind: int(n) for kind, n in re.findall(pattern, html)}


def test_every_content_type_is_searchable_in_the_readers_language(client, seeded):
    html = client.get("/en/search/", {"q": "child"}).content.decode()
    assert set(kind_counts(html)) == {"article", "product", "convention", "exhibition", "item"}
    assert "<mark>" in html  # highlighted snippets
    pages = kind_counts(client.get("/en/search/", {"q": "portal"}).content.decode())
    assert pages.get("page")
    assert all(' hreflang="' not in line for line in html.splitlines() if 'class="result"' in line)
    km = client.get("/km/search/", {"q": "កុមារ"}).content.decode()
    assert titles(km) and all(not title.isascii() for title in titles(km))


def test_all_languages_option(client, seeded):
    only_en = titles(client.get("/en/search/", {"q": "An Giang"}).content.decode())
    everywhere = client.get("/en/search/", {"q": "An Giang", "scope": "all"}).content.decode()
    assert len(titles(everywhere)) > len(only_en) or "Next" in everywhere
    assert 'lang="vi"' in everywhere and 'lang="km"' in everywhere


def test_facets_narrow_with_counts(client, seeded):
    html = client.get("/vi/search/", {"q": "quyền trẻ em"}).content.decode()
    counts = dict(
        re.findall(r'name="kind" value="(\w+)"[^>]*> [^<]+ <span class="facet__count">\((\d+)\)', html)
    )
    assert int(counts["article"]) >= 1 and int(counts["product"]) >= 1
    only_articles = client.get("/vi/search/", {"q": "quyền trẻ em", "kind": "article"}).content.decode()
    assert f"{counts['article']} kết quả" in only_articles or f"{counts['article']} result" in only_articles
    crc = client.get("/vi/search/", {"q": "quyền", "convention": "crc"}).content.decode()
    assert "checked> " in crc and 'value="crc" checked' in crc


def test_drafts_private_and_withheld_never_appear(client, seeded):
    article = ArticlePage.objects.live().filter(locale__language_code="en").first()
    assert article.title in titles(client.get("/en/search/", {"q": article.title}).content.decode())
    article.unpublish()
    assert article.title not in titles(client.get("/en/search/", {"q": article.title}).content.decode())
    withheld = ExhibitionItem.objects.get(locale__language_code="en", title="Children's festival")
    assert withheld.live and not withheld.consent_is_valid
    assert "Children&#x27;s festival" not in client.get("/en/search/", {"q": "festival"}).content.decode()


def test_autocomplete_returns_titles_as_you_type(client, seeded):
    response = client.get("/vi/search/suggest/", {"q": "quyen tr"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert results and all("url" in r and r["url"].startswith("/vi/") for r in results)
    assert any("trẻ" in r["title"].lower() for r in results)
    assert client.get("/vi/search/suggest/", {"q": "q"}).json()["results"] == []
    km = client.get("/km/search/suggest/", {"q": "សិទ្ធិ"}).json()["results"]
    assert km and all(r["url"].startswith("/km/") for r in km)


def test_promoted_results_are_pinned_in_the_readers_language(client, seeded):
    about_vi = Page.objects.get(locale__language_code="vi", slug="gioi-thieu")
    SearchPromotion.objects.create(
        query=Query.get("quyền con người"), page=about_vi, description="Giới thiệu cổng thông tin"
    )
    html = client.get("/en/search/", {"q": "Quyen con nguoi"}).content.decode()
    assert 'class="result result--promoted"' in html and "/en/about/" in html


def test_zero_result_searches_are_logged_once_per_query_and_listed(admin_client, client, seeded):
    for text in ("xyzzy không có", "XYZZY khong co", "xyzzy không có"):
        client.get("/vi/search/", {"q": text})
    # (Only this test's rows: browser tests' live server writes outside the test transaction.)
    row = ZeroResultQuery.objects.get(language="vi", folded__startswith="xyzzy")
    assert row.count == 3 and row.folded == "xyzzy khong co"
    client.get("/vi/search/", {"q": "quyền"})  # has results: not logged
    assert not ZeroResultQuery.objects.filter(folded="quyen").exists()
    report = admin_client.get(reverse("search_zero_results"))
    assert report.status_code == 200 and "xyzzy" in report.content.decode()
    export = admin_client.get(reverse("search_zero_results"), {"export": "csv"})
    assert "xyzzy" in export.getvalue().decode()


def test_report_needs_permission(client, seeded, django_user_model):
    user = django_user_model.objects.create_user("reader", "r@example.org", "a-long-password-1")
    sign_in(client, user)
    assert client.get(reverse("search_zero_results")).status_code in (302, 403)


BAD = [
    {},
    {"q": ""},
    {"q": "a" * 2000},
    {"q": "\" ' * : & | ! ( ) - NEAR AND OR"},
    {"q": "\x00\x07\x1bquyền"},
    {"q": "\u0301\u0300"},
    {"q": "\u17d2\u17b6"},
    {"q": "quyền", "page": "abc"},
    {"q": "quyền", "page": "-1"},
    {"q": "quyền", "page": "999999"},
    {"q": "quyền", "kind": "nope", "convention": "zzz", "province": "\x00", "year": "19x"},
]


@pytest.mark.parametrize("params", BAD)
def test_bad_input_gives_a_normal_page_and_no_database_error(client, seeded, params, caplog):
    with caplog.at_level(logging.WARNING):
        response = client.get("/vi/search/", params)
        suggest = client.get("/vi/search/suggest/", params)
    assert response.status_code == 200 and suggest.status_code == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_invalid_percent_encoding_is_a_normal_page(client, seeded):
    response = client.get("/vi/search/?q=%E0%A4%A&page=%ZZ")
    assert response.status_code == 200


def test_a_search_without_results_shows_no_empty_filter_panel(client, seeded):
    nothing = client.get("/vi/search/", {"q": "zzqxw không có gì khớp"}).content.decode()
    assert "Không có kết quả phù hợp." in nothing
    assert 'id="facets"' not in nothing and 'href="#facets"' not in nothing
    found = client.get("/vi/search/", {"q": "quyền trẻ em"}).content.decode()
    assert 'id="facets"' in found and 'href="#facets"' in found
