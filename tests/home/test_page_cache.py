"""The page cache: anonymous pages are served from it, every kind of change is visible on the very
next request, editors are never cached, and nothing a visitor sends changes what others get."""

import os
import subprocess
import sys

import pytest

from django.test import Client

from wagtail.models import Page

from home import page_cache
from home.models import Convention, CustomImage, StandardPage
from news.models import ArticlePage

pytestmark = pytest.mark.django_db

ABOUT = "/vi/gioi-thieu/"
ARTICLE = "/vi/tin-tuc/phong-chong-mua-ban-nguoi/"
NEWS = "/vi/tin-tuc/"


def get(path, client=None, **extra):
    response = (client or Client()).get(path, **extra)
    return response, response.content.decode()


def warm(path):
    """Request the page until it is in the cache; return what was served."""
    first, html = get(path)
    assert first.status_code == 200 and first[page_cache.HEADER] == "miss"
    again, cached = get(path)
    assert again[page_cache.HEADER] == "hit" and cached == html
    return html


def test_a_cached_page_costs_no_query(seeded, django_assert_num_queries):
    warm(ABOUT)
    with django_assert_num_queries(0):
        response, _html = get(ABOUT)
    assert response[page_cache.HEADER] == "hit"
    assert response["Content-Type"].startswith("text/html")
    assert response["Content-Language"] == "vi"


def _article():
    return ArticlePage.objects.get(locale__language_code="vi", slug="phong-chong-mua-ban-nguoi")


def edit_page_and_publish():
    page = StandardPage.objects.get(locale__language_code="vi", slug="gioi-thieu")
    page.title = "Giới thiệu (đã sửa)"
    page.save_revision().publish()
    return ABOUT, "Giới thiệu (đã sửa)"


def publish_new_article():
    section = _article().get_parent()
    article = ArticlePage(
        title="Bài mới về quyền trẻ em", slug="bai-moi", standfirst="Tin vắn.", locale=section.locale
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    return NEWS, "Bài mới về quyền trẻ em"


def rename_an_author():
    person = _article().authors.first()
    person.name = "Tác giả đổi tên"
    person.save()
    return ARTICLE, "Tác giả đổi tên"


def rename_a_convention():
    convention = Convention.objects.get(locale__language_code="vi", code="CRC")
    convention.name = "Công ước (tên mới)"
    convention.save()
    return ARTICLE, "Công ước (tên mới)"


def describe_the_hero_image():
    image = CustomImage.objects.get(pk=_article().hero_image_id)
    image.alt_text = "Mô tả ảnh mới"
    image.save()
    return ARTICLE, "Mô tả ảnh mới"


@pytest.mark.parametrize(
    "change",
    [
        edit_page_and_publish,
        publish_new_article,
        rename_an_author,
        rename_a_convention,
        describe_the_hero_image,
    ],
    ids=lambda change: change.__name__,
)
def test_every_kind_of_change_shows_on_the_next_request(seeded, change):
    paths = {ABOUT, ARTICLE, NEWS}
    before = {path: warm(path) for path in paths}
    path, text = change()
    assert text not in before[path]
    response, html = get(path)
    assert response[page_cache.HEADER] == "miss" and text in html


def test_unpublished_moved_and_deleted_pages_are_gone_at_once(seeded):
    warm(ARTICLE)
    _article().unpublish()
    assert Client().get(ARTICLE).status_code == 404

    warm(ABOUT)
    about = Page.objects.get(locale__language_code="vi", slug="gioi-thieu")
    news = _article().get_parent()
    about.move(news, pos="last-child")
    moved = Client().get(ABOUT)  # Wagtail leaves a redirect at the old address
    assert moved.status_code == 301 and moved["Location"].endswith("/vi/tin-tuc/gioi-thieu/")
    assert Client().get("/vi/tin-tuc/gioi-thieu/").status_code == 200

    contact = "/vi/lien-he/"
    warm(contact)
    Page.objects.get(locale__language_code="vi", slug="lien-he").delete()
    assert Client().get(contact).status_code == 404


def test_the_generation_changes_again_when_the_transaction_commits(
    seeded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page_cache.invalidate()
        during = page_cache.generation()
    for callback in callbacks:
        callback()
    assert page_cache.generation() != during


def test_editors_are_never_served_or_stored(seeded, admin_client):
    response, _html = get(ABOUT, client=admin_client)
    assert page_cache.HEADER not in response
    visitor, public = get(ABOUT)
    assert visitor[page_cache.HEADER] == "miss"
    assert "userbar" not in public


def test_what_a_visitor_sends_never_changes_what_another_receives(seeded):
    clean = warm(ABOUT)
    # a query string is never cached, and never served from the cache
    response, html = get(ABOUT + "?q=<script>alert(1)</script>&utm_source=x")
    assert page_cache.HEADER not in response and "<script>alert(1)" not in html
    # odd headers and cookies are served the cached page, and leave it as it was
    for extra in (
        {"HTTP_ACCEPT_LANGUAGE": "km"},
        {"HTTP_X_FORWARDED_HOST": "evil.example"},
        {"HTTP_COOKIE": "django_language=km; tracking=1"},
        {"HTTP_USER_AGENT": "<script>"},
    ):
        response, html = get(ABOUT, **extra)
        assert response[page_cache.HEADER] == "hit" and html == clean
    # a visitor with a session (an editor, or a page password) bypasses the cache entirely
    response, _html = get(ABOUT, HTTP_COOKIE="sessionid=forged")
    assert page_cache.HEADER not in response
    _response, html = get(ABOUT)
    assert html == clean


@pytest.mark.parametrize("path", ["/admin/", "/api/v1/products/", "/vi/search/", "/healthz"])
def test_admin_api_search_and_health_are_not_cached(seeded, path):
    response = Client().get(path)
    assert page_cache.HEADER not in response


def test_a_front_end_cache_is_configured_from_the_environment():
    code = "from django.conf import settings; print(settings.WAGTAILFRONTENDCACHE['proxy']['LOCATION'])"
    env = {"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "FRONTEND_CACHE_PURGE_URL": "http://varnish:80"}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "http://varnish:80"


def test_a_per_process_cache_outside_development_is_reported(settings):
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [warning.id for warning in page_cache.check_shared_cache()] == ["home.W001"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    assert page_cache.check_shared_cache() == []


def test_pages_are_compressed_and_name_their_icons(seeded):
    response = Client().get(ABOUT, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip" and "Accept-Encoding" in response["Vary"]
    import gzip

    html = gzip.decompress(response.content).decode()
    for icon in ('rel="icon"', 'rel="manifest"', 'rel="apple-touch-icon"', 'name="theme-color"'):
        assert icon in html
    favicon = Client().get("/favicon.ico")
    assert favicon.status_code == 301 and favicon["Location"].endswith(".ico")


def test_answers_kept_per_generation_are_read_once_and_renewed_by_a_change(seeded):
    calls = []

    def compute():
        calls.append(1)
        return None  # an empty answer is kept too

    assert page_cache.per_generation("probe", compute) is None
    assert page_cache.per_generation("probe", compute) is None
    assert len(calls) == 1
    page_cache.invalidate()
    page_cache.per_generation("probe", compute)
    assert len(calls) == 2
