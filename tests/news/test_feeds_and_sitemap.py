"""RSS and Atom feeds (parsed with feedparser), the sitemap with hreflang alternates, robots.txt."""

import xml.etree.ElementTree as ET

import feedparser
import pytest

from tests.factories import news

pytestmark = pytest.mark.django_db

FEEDS = [
    "/vi/feeds/rss/",
    "/vi/feeds/atom/",
    "/en/feeds/rss/",
    "/km/feeds/atom/",
    "/vi/tin-tuc/feed/rss/",
    "/km/news/feed/atom/",
    "/vi/feeds/rss/?convention=crc",
    "/vi/feeds/atom/?province=bac-ninh",
    "/vi/tin-tuc/feed/rss/?province=an-giang&convention=crc",
    "/vi/feeds/rss/?province=atlantis&year=abc",
]


@pytest.mark.parametrize("path", FEEDS)
def test_feeds_parse_cleanly(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.entries
    language = path.split("/")[1]
    for entry in parsed.entries:
        assert entry.link.startswith(f"http://testserver/{language}/")


def test_feed_per_language_contains_only_that_language(client, seeded):
    english = {entry.title for entry in feedparser.parse(client.get("/en/feeds/rss/").content).entries}
    assert "Free legal aid for people with disabilities in former Kien Giang" in english
    assert not any("Hội thi" in title for title in english)


def test_province_feed_is_merger_aware(client, seeded):
    titles = {
        e.title for e in feedparser.parse(client.get("/vi/feeds/rss/?province=can-tho").content).entries
    }
    assert "Giảm nghèo bền vững ở vùng đồng bào dân tộc thiểu số Sóc Trăng" in titles
    assert "Nhiều hoạt động hưởng ứng Ngày Nhân quyền thế giới 10/12" in titles
    assert len(titles) == 2


def test_feed_entries_carry_dates_authors_and_categories(client, seeded):
    parsed = feedparser.parse(client.get("/vi/feeds/atom/?convention=crc").content)
    entry = next(e for e in parsed.entries if e.title.startswith("Hội thi"))
    assert entry.published_parsed[:3] == (2026, 11, 10)
    assert "Nguyễn Thị Lan" in entry.author
    assert {tag.term for tag in entry.tags} == {"CRC"}
    assert (
        parsed.feed.title.endswith("CRC") or "Quyền trẻ em" in parsed.feed.title or "·" in parsed.feed.title
    )


NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_sitemap_lists_live_pages_in_every_language_with_alternates(client, seeded):
    draft = news.article(title="Nháp sitemap", publish=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }
    for path in ("/vi/", "/en/", "/km/", "/vi/cong-uoc/crc/", "/km/news/quiz-on-childrens-rights/"):
        assert f"http://testserver{path}" in entries
    assert entries["http://testserver/en/about/"] == {
        "vi": "http://testserver/vi/gioi-thieu/",
        "en": "http://testserver/en/about/",
        "km": "http://testserver/km/about/",
    }
    only_vi = "http://testserver/vi/tin-tuc/giam-ngheo-ben-vung/"
    assert entries[only_vi] == {}
    assert not any(draft.slug in loc for loc in entries)


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body
