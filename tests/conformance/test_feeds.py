"""Every RSS 2.0 and Atom feed, in every language and with filters, as validators read it: parses
without error, carries the required elements (RSS 2.0 spec; RFC 4287), gives entries valid, unique
and stable urn:uuid ids (RFC 4122) and an author, and names itself by the URL that was requested."""

import uuid
import xml.etree.ElementTree as ET

import feedparser
import pytest

from django.urls import resolve
from django.utils import translation

from tests.news.test_feeds_and_sitemap import FEEDS

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"

# Requested path -> the feed's self link (its recognised, valid filters in form order).
SELF = {
    **{path: path for path in FEEDS},
    "/vi/tin-tuc/feed/rss/?province=an-giang&convention=crc": (
        "/vi/tin-tuc/feed/rss/?convention=crc&province=an-giang"
    ),
    "/vi/feeds/rss/?province=atlantis&year=abc": "/vi/feeds/rss/",
    "/vi/feeds/atom/?utm_source=mail&convention=crc": "/vi/feeds/atom/?convention=crc",
    "/en/feeds/atom/?convention=crc&year=2026": "/en/feeds/atom/?convention=crc&year=2026",
    "/km/feeds/rss/?province=an-giang": "/km/feeds/rss/?province=an-giang",
    "/vi/tin-tuc/feed/atom/": "/vi/tin-tuc/feed/atom/",
    "/en/news/feed/rss/": "/en/news/feed/rss/",
    "/en/news/feed/atom/?convention=crc": "/en/news/feed/atom/?convention=crc",
    "/km/news/feed/rss/": "/km/news/feed/rss/",
}
ALL_FEEDS = list(SELF)


def _fetch(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content


def _is_atom(root):
    return root.tag == f"{ATOM}feed"


def _text(element, tag):
    found = element.find(tag)
    return found.text.strip() if found is not None and found.text else ""


def _entry_ids(root):
    if _is_atom(root):
        return [_text(entry, f"{ATOM}id") for entry in root.iter(f"{ATOM}entry")]
    return [_text(item, "guid") for item in root.iter("item")]


def _assert_urn_uuid(value):
    assert value.startswith("urn:uuid:"), value
    assert str(uuid.UUID(value.removeprefix("urn:uuid:"))) == value.removeprefix("urn:uuid:"), value


@pytest.mark.parametrize("path", ALL_FEEDS)
def test_feed_parses_and_has_the_required_elements(client, seeded, path):
    content = _fetch(client, path)
    parsed = feedparser.parse(content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    root = ET.fromstring(content)
    if _is_atom(root):
        for tag in ("id", "title", "updated"):
            assert _text(root, f"{ATOM}{tag}"), f"feed without atom:{tag}"
        feed_author = _text(root, f"{ATOM}author/{ATOM}name")
        assert feed_author, "feed without atom:author"
        assert root.find(f"{ATOM}link[@rel='alternate']") is not None
        entries = list(root.iter(f"{ATOM}entry"))
        for entry in entries:
            for tag in ("id", "title", "updated"):
                assert _text(entry, f"{ATOM}{tag}"), f"entry without atom:{tag}"
            assert _text(entry, f"{ATOM}author/{ATOM}name"), (
                f"entry without author: {_text(entry, ATOM + 'title')}"
            )
            link = entry.find(f"{ATOM}link[@rel='alternate']")
            assert link is not None and link.get("href").startswith("http://testserver/")
    else:
        assert root.tag == "rss" and root.get("version") == "2.0"
        channel = root.find("channel")
        for tag in ("title", "link", "description"):
            assert _text(channel, tag), f"channel without {tag}"
        entries = list(channel.iter("item"))
        for item in entries:
            assert _text(item, "title") or _text(item, "description")
            assert item.find("guid").get("isPermaLink") == "false"
    assert entries, path


def test_atom_feed_author_is_the_site_in_the_feed_language(client, seeded):
    for language in ("vi", "en", "km"):
        root = ET.fromstring(_fetch(client, f"/{language}/feeds/atom/"))
        with translation.override(language):
            assert _text(root, f"{ATOM}author/{ATOM}name") == translation.gettext("Human rights")


def test_entries_without_authors_or_organisation_are_credited_to_the_site(client, seeded):
    # The demo's "Bắc Giang" article has neither authors nor a publishing organisation.
    root = ET.fromstring(_fetch(client, "/vi/feeds/atom/"))
    entry = next(e for e in root.iter(f"{ATOM}entry") if "Bắc Giang" in _text(e, f"{ATOM}title"))
    with translation.override("vi"):
        assert _text(entry, f"{ATOM}author/{ATOM}name") == translation.gettext("Human rights")
    credited = next(e for e in root.iter(f"{ATOM}entry") if _text(e, f"{ATOM}title").startswith("Hội thi"))
    assert "Nguyễn Thị Lan" in _text(credited, f"{ATOM}author/{ATOM}name")


@pytest.mark.parametrize("path", ALL_FEEDS)
def test_entry_ids_are_valid_unique_and_stable(client, seeded, path):
    ids = _entry_ids(ET.fromstring(_fetch(client, path)))
    for value in ids:
        _assert_urn_uuid(value)
    assert len(ids) == len(set(ids))
    assert _entry_ids(ET.fromstring(_fetch(client, path))) == ids


def test_entry_ids_differ_across_languages_and_agree_across_formats(client, seeded):
    per_language = {}
    for language in ("vi", "en", "km"):
        rss = _entry_ids(ET.fromstring(_fetch(client, f"/{language}/feeds/rss/")))
        atom = _entry_ids(ET.fromstring(_fetch(client, f"/{language}/feeds/atom/")))
        assert rss == atom
        per_language[language] = set(rss)
    assert not per_language["vi"] & per_language["en"]
    assert not per_language["vi"] & per_language["km"]
    assert not per_language["en"] & per_language["km"]
    section = set(_entry_ids(ET.fromstring(_fetch(client, "/vi/tin-tuc/feed/rss/"))))
    assert section and section <= per_language["vi"]


@pytest.mark.parametrize("path", ALL_FEEDS)
def test_self_link_is_the_requested_feed(client, seeded, path):
    root = ET.fromstring(_fetch(client, path))
    parent = root if _is_atom(root) else root.find("channel")
    links = parent.findall(f"{ATOM}link[@rel='self']")
    assert len(links) == 1
    assert links[0].get("href") == f"http://testserver{SELF[path]}"


def test_atom_feed_ids_are_distinct_per_filter_and_section(client, seeded):
    atom = [path for path in ALL_FEEDS if "atom" in path]
    ids = [_text(ET.fromstring(_fetch(client, path)), f"{ATOM}id") for path in atom]
    assert len(set(ids)) == len(atom), dict(zip(atom, ids, strict=True))


def test_the_shared_feed_view_keeps_no_request_state(client, seeded):
    # The URLconf's one feed instance serves every thread: a request, locale or form left on it
    # could leak one reader's language and filters into another's concurrent feed.
    with translation.override("vi"):
        view = resolve("/vi/feeds/rss/").func
    _fetch(client, "/vi/feeds/rss/?convention=crc")
    assert not {"request", "locale", "form"} & set(vars(view))
