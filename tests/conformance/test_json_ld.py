"""JSON-LD on every page type, in vi, en and km: one data block per page, which expands (PyLD,
the JSON-LD 1.1 processor) and has the properties its schema.org type needs.

PyLD would fetch schema.org's context over the network; nothing may at test time, so the document
loader answers ``https://schema.org`` with its vocabulary mapping (``@vocab``: every term is
``https://schema.org/<term>``) and refuses any other address."""

import json
import re
from datetime import datetime

import pytest
from pyld import jsonld

from wagtail.models import Page

from exhibitions.models import ExhibitionPage

pytestmark = pytest.mark.django_db
SCHEMA = "https://schema.org/"
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

#: The properties each type must have (schema.org and search engines' required ones).
REQUIRED = {
    "WebSite": {"name", "url", "inLanguage", "potentialAction"},
    "WebPage": {"name", "url", "inLanguage", "publisher"},
    "CollectionPage": {"name", "url", "inLanguage", "publisher"},
    "NewsArticle": {"headline", "url", "datePublished", "dateModified", "author", "publisher", "inLanguage"},
    "CreativeWork": {"name", "url", "identifier", "license", "inLanguage"},
    "ExhibitionEvent": {"name", "url", "startDate", "location", "organizer"},
    "VisualArtwork": {"name", "url", "isPartOf"},
    "Quiz": {"name", "url", "inLanguage"},
}
WORKS = {"Book", "VideoObject", "AudioObject", "Poster", "Article"}
DATES = {"datePublished", "dateModified", "dateCreated"}


def _loader(url, options=None):
    if url.rstrip("/") in {"https://schema.org", "http://schema.org"}:
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": {"@context": {"@vocab": SCHEMA}},
        }
    raise jsonld.JsonLdError(f"no network at test time: {url}", "loading document failed")


def _paths():
    """One public page of every type in each language, and the routable pages' sub-routes."""
    paths = set()
    seen = set()
    for page in Page.objects.live().public().exclude(depth=1).specific().order_by("path"):
        kind = (type(page).__name__, page.locale.language_code)
        if kind in seen:
            continue
        seen.add(kind)
        paths.add(page.url)
        if type(page).__name__ == "ProvinceIndexPage":
            paths |= {page.url + "an-giang/", page.url + "an-giang/figures/"}
        if isinstance(page, ExhibitionPage) and page.shown_items():
            key = next(iter(page.shown_items()))
            paths.add(page.url + page.reverse_subpage("item", args=[str(key)]))
    return sorted(paths)


def _check(path, data):
    assert data["@context"] == "https://schema.org", path
    expanded = jsonld.expand(data, {"documentLoader": _loader})
    assert len(expanded) == 1, path
    node = expanded[0]
    types = {kind.removeprefix(SCHEMA) for kind in node["@type"]}
    kind = "CreativeWork" if types & WORKS else next(iter(types))
    assert kind in REQUIRED, (path, types)
    present = {key.removeprefix(SCHEMA) for key, value in node.items() if value not in ([], [{}])}
    missing = REQUIRED[kind] - present
    assert not missing, (path, kind, missing)
    for name in DATES & set(data):
        moment = datetime.fromisoformat(data[name])
        assert moment.tzinfo is not None, (path, name, data[name])
    for name in ("author", "publisher", "organizer"):
        people = data.get(name)
        for person in people if isinstance(people, list) else [people] if people else []:
            assert person.get("@type") in {"Person", "Organization"} and person.get("name"), (path, name)
    return kind


def test_every_page_type_has_valid_json_ld_in_every_language(client, seeded, capsys):
    kinds = {}
    paths = _paths()
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        blocks = BLOCK.findall(response.content.decode())
        assert len(blocks) == 1, (path, len(blocks))
        kind = _check(path, json.loads(blocks[0]))
        kinds.setdefault(kind, set()).add(path.split("/")[1])
    assert {"WebSite", "NewsArticle", "CreativeWork", "ExhibitionEvent", "VisualArtwork"} <= set(kinds)
    assert all(languages == {"vi", "en", "km"} for languages in kinds.values()), kinds
    with capsys.disabled():
        print(f"\nJSON-LD checked on {len(paths)} pages: {', '.join(sorted(kinds))}")


def test_every_article_names_an_author_and_a_publisher(client, seeded):
    from news.models import ArticlePage

    for article in ArticlePage.objects.live().public():
        data = json.loads(BLOCK.findall(client.get(article.url).content.decode())[0])
        assert data["author"] and data["publisher"]["name"], article.url
        assert "T" in data["datePublished"], data["datePublished"]
