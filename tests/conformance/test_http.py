"""HTTP as caches and harvesters expect it: conditional GET (an ETag or Last-Modified and 304 on a
match) wherever content is cacheable, HEAD wherever GET works, the right media types, and gzip
only where it saves something."""

import re

import pytest

from django.test import Client

from news.models import ArticlePage

pytestmark = pytest.mark.django_db

CACHEABLE = [
    "/vi/",
    "/km/",
    "/en/news/",
    "/vi/library/?convention=crc",
    "/vi/tinh-thanh/",
    "/api/v1/products/?lang=km",
    "/sitemap.xml",
    "/robots.txt",
    "/vi/feeds/rss/",
    "/km/feeds/atom/",
]


def _validators(response):
    return {header: response[header] for header in ("ETag", "Last-Modified") if response.has_header(header)}


@pytest.mark.parametrize("path", [*CACHEABLE, "article"])
def test_conditional_get_answers_304_on_a_match(client, seeded, path):
    if path == "article":
        path = ArticlePage.objects.live().public().filter(locale__language_code="km").first().url
    first = client.get(path)
    assert first.status_code == 200, path
    validators = _validators(first)
    assert validators, f"{path} sends neither ETag nor Last-Modified"
    conditional = {}
    if "ETag" in validators:
        conditional["HTTP_IF_NONE_MATCH"] = validators["ETag"]
    else:
        conditional["HTTP_IF_MODIFIED_SINCE"] = validators["Last-Modified"]
    again = client.get(path, **conditional)
    assert again.status_code == 304, path
    assert again.content == b""


def test_feeds_answer_304_to_their_own_last_modified(client, seeded):
    feed = client.get("/vi/feeds/atom/")
    since = feed["Last-Modified"]
    assert client.get("/vi/feeds/atom/", HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    assert (
        client.get("/vi/feeds/atom/", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code
        == 200
    )


def test_a_changed_page_does_not_match_its_old_tag(client, seeded):
    article = ArticlePage.objects.live().public().filter(locale__language_code="vi").first()
    tag = client.get(article.url)["ETag"]
    article.title = article.title + " (cập nhật)"
    article.save_revision().publish()
    assert client.get(article.url, HTTP_IF_NONE_MATCH=tag).status_code == 200


def test_the_web_manifest_has_its_media_type(client):
    response = client.get("/static/site.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == "application/manifest+json"


def test_images_are_not_gzipped_and_text_is(seeded):
    browser = Client(HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    html = browser.get("/vi/")
    assert html["Content-Encoding"] == "gzip"
    page = Client().get("/vi/").content.decode()
    images = re.findall(r'<img[^>]+src="(/media/[^"]+\.(?:jpg|jpeg|png|webp))"', page)
    assert images, "the demo front page shows no image"
    image = browser.get(images[0])
    assert image.status_code == 200 and image["Content-Type"].startswith("image/")
    assert not image.has_header("Content-Encoding"), images[0]
