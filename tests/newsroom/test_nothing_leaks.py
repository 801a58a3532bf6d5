"""Walk every public surface as an anonymous visitor and look for what must not be public.

Planted first, each with a marker in its title: a never-published draft, a newer draft of a live
article, a private (login-only) page, an embargoed library product, an unpublished exhibition
item and one withdrawn because consent ran out. The walk follows every same-site link from the
three home pages, the sitemaps, both feeds, the API (with its pages), OAI-PMH (with its
resumption tokens), the IIIF manifests, the library exports and search, and then asserts that
no response anywhere carries a marker.
"""

import re
from datetime import timedelta
from urllib.parse import unquote, urlsplit

import pytest

from django.test import Client
from django.utils import timezone

from wagtail.models import PageViewRestriction

from exhibitions.models import ExhibitionItem, ExhibitionPage
from home.models import HomePage, StandardPage
from library.models import LibraryPage
from tests.factories import library as library_factory
from tests.factories import news as news_factory

pytestmark = pytest.mark.django_db
MARK = "LEAKMARK"
SKIP = ("/admin/", "/static/", "/media/", "/documents/", "/favicon.ico")
LIMIT = 600
WORDS = ["never+published", "newer+draft", "private+page", "embargoed+product", "unpublished", "withdrawn"]


@pytest.fixture
def secrets(seeded):
    draft = news_factory.article(title=f"{MARK} never published", publish=False)
    live = news_factory.article(title="Bài đã đăng có bản nháp")
    live.title = f"{MARK} newer draft"
    live.save_revision()
    home = HomePage.objects.get(locale__language_code="vi", depth=2)
    private = StandardPage(title=f"{MARK} private page", slug="noi-bo-rieng")
    home.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    embargoed = library_factory.product(
        title=f"{MARK} embargoed product", embargo_until=timezone.localdate() + timedelta(days=30)
    )
    exhibition = ExhibitionPage.objects.get(locale__language_code="vi")
    items = [item.pk for section in exhibition.sections for item in section.value["items"]]
    unpublished, withdrawn = ExhibitionItem.objects.filter(pk__in=items)[:2]
    ExhibitionItem.objects.filter(translation_key=unpublished.translation_key).update(
        title=f"{MARK} unpublished item", live=False
    )
    ExhibitionItem.objects.filter(translation_key=withdrawn.translation_key).update(
        title=f"{MARK} withdrawn item",
        identifiable_people=True,
        consent_held=True,
        consent_until=timezone.localdate() - timedelta(days=1),
    )
    return {"draft": draft, "private": private, "embargoed": embargoed}


LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)|<loc>([^<]+)</loc>|<link>([^<]+)</link>""")
TOKEN = re.compile(r"<resumptionToken[^>]*>([^<]+)</resumptionToken>")
NEXT = re.compile(r'"next":\s*"([^"]+)"')


def _local(url):
    parts = urlsplit(unquote(url.replace("&amp;", "&")))
    if parts.netloc and parts.netloc not in ("testserver", "localhost"):
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    if not path.startswith("/") or path.startswith(SKIP):
        return None
    return path


def test_no_public_surface_shows_drafts_private_embargoed_or_withdrawn_content(secrets):
    client = Client()
    start = [
        "/vi/",
        "/en/",
        "/km/",
        "/sitemap.xml",
        "/robots.txt",
        "/feeds/rss/",
        "/feeds/atom/",
        "/api/v1/products/?page_size=100",
        "/api/v1/products/?page_size=100&lang=en",
        "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
        "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc",
        # Search for the secrets' words (searching for the marker itself would echo it back).
        *[f"/search/?q={words}" for words in WORDS],
        *[f"/search/suggest/?q={words}" for words in WORDS],
        *[f"/api/v1/products/?q={words}" for words in WORDS],
        f"/api/v1/products/{secrets['embargoed'].identifier}/",
    ]
    for library in LibraryPage.objects.live():
        start += [f"{library.url}export/{fmt}/" for fmt in ("csv", "json")]
    for page in ExhibitionPage.objects.live():
        start.append(f"/iiif/manifests/{page.translation_key}.json")
    hidden = {name: secrets[name].url for name in ("draft", "private", "embargoed")}
    seen, queue, leaks, statuses = set(), list(start), [], {}
    while queue and len(seen) < LIMIT:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        statuses[path] = response.status_code
        assert response.status_code < 500, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        if MARK in text:
            leaks.append(path)
        leaks.extend(f"{path} links {name}" for name, url in hidden.items() if url and url in text)
        if response.status_code in (301, 302) and _local(response["Location"]):
            queue.append(_local(response["Location"]))
        if response.status_code != 200:
            continue
        found = [next(filter(None, groups)) for groups in LINK.findall(text)]
        found += [f"/oai/?verb=ListRecords&resumptionToken={token}" for token in TOKEN.findall(text)]
        found += NEXT.findall(text)
        queue.extend(local for local in map(_local, found) if local and local not in seen)
    assert not leaks, leaks
    embargoed_api = f"/api/v1/products/{secrets['embargoed'].identifier}/"
    assert statuses[embargoed_api] == 404
    unwalked = {path: statuses.get(path) for path in start if path != embargoed_api}
    unwalked = {path: status for path, status in unwalked.items() if status not in (200, 301, 302)}
    assert unwalked == {}, "surfaces not walked"
    assert len(seen) > 60, f"the walk reached only {len(seen)} addresses"

    for name, url in hidden.items():
        assert client.get(url or "/vi/").status_code in (302, 404) if url else True, name
