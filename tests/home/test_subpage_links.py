"""Sub-routes of routable pages (a province, its figures, an exhibition item) are pages of their
own to readers and search engines: their canonical URL, ``og:url``, hreflang alternates and
language switcher point at the same sub-route in each language, and the sitemap lists them."""

import re
import xml.etree.ElementTree as ET

import pytest

from exhibitions.models import ExhibitionPage

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _item_paths():
    page = ExhibitionPage.objects.live().public().filter(locale__language_code="vi").first()
    key = next(iter(page.shown_items()))
    return {
        version.locale.language_code: version.url + version.reverse_subpage("item", args=[str(key)])
        for version in page.get_translations(inclusive=True).live().public()
    }


def _sub_routes():
    yield {"vi": "/vi/tinh-thanh/an-giang/", "en": "/en/provinces/an-giang/", "km": "/km/provinces/an-giang/"}
    yield {
        "vi": "/vi/tinh-thanh/an-giang/figures/",
        "en": "/en/provinces/an-giang/figures/",
        "km": "/km/provinces/an-giang/figures/",
    }
    yield "item"


def _links(html, pattern):
    return re.findall(pattern, html)


@pytest.mark.parametrize("route", list(_sub_routes()), ids=["province", "figures", "item"])
def test_canonical_alternates_and_switcher_name_the_sub_route(client, seeded, route):
    paths = _item_paths() if route == "item" else route
    assert set(paths) == {"vi", "en", "km"}
    for code, path in paths.items():
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert _links(html, r'<link rel="canonical" href="([^"]+)"') == [f"http://testserver{path}"]
        assert _links(html, r'<meta property="og:url" content="([^"]+)"') == [f"http://testserver{path}"]
        alternates = dict(_links(html, r'<link rel="alternate" hreflang="([a-z]+)" href="([^"]+)"'))
        assert alternates == {other: f"http://testserver{p}" for other, p in paths.items()}, path
        switcher = {
            code: url for url, code in _links(html, r'<a href="([^"]+)" lang="([a-z]+)" hreflang="[a-z]+"')
        }
        assert switcher == paths, path


def test_sitemap_lists_provinces_figures_and_items_with_alternates(client, seeded):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }
    for paths in [*list(_sub_routes())[:2], _item_paths()]:
        expected = {code: f"http://testserver{path}" for code, path in paths.items()}
        for location in expected.values():
            assert entries.get(location) == expected, location
    # Former provinces have pages too; every listed sub-route answers.
    assert "http://testserver/vi/tinh-thanh/kien-giang/" in entries
    for location in [loc for loc in entries if "/figures/" in loc][:5]:
        assert client.get(location.removeprefix("http://testserver")).status_code == 200, location
