"""Faults: the site keeps serving while its cache is unreachable, and a dropped database
connection fails at most the requests using it.

Django runs in the test process with the production cache configuration
(``cms.settings.components.caches``) pointed at a Redis server of the test's own
(``tests/cms/servers.py``), which the test stops (connections refused), freezes (SIGSTOP: connections
hang until the socket timeout, the data stays) and starts again.
"""

import logging
import time

import pytest

from django.core.cache import cache
from django.test import Client, override_settings

from home import page_cache, resilient_cache, term_index
from home.models import Topic
from news.models import ArticlePage
from tests.cms.servers import RedisServer

pytestmark = pytest.mark.django_db

ARTICLE = "/vi/tin-tuc/phong-chong-mua-ban-nguoi/"
#: One URL per kind of page and endpoint that reads the cache on its way.
PAGES = [
    "/vi/",
    ARTICLE,
    "/vi/tin-tuc/",
    "/vi/tin-tuc/?convention=crc",
    "/en/",
    "/km/",
    "/vi/library/",
    "/vi/library/?convention=crc&type=video",
    "/vi/search/?q=tre+em",
    "/vi/search/suggest/?q=tre",
    "/api/v1/products/",
    "/oai/?verb=Identify",
    "/sitemap.xml",
    "/vi/feeds/rss/",
]


@pytest.fixture
def redis_server():
    if RedisServer.executable is None:
        pytest.skip("redis-server is not installed (apt-get install -y redis-server)")
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(redis_server):
    """The production cache configuration, on the test's own Redis; a fresh outage record."""
    from cms.settings import components

    with override_settings(CACHES=components.caches(redis_server.url)):
        resilient_cache._outages.clear()
        term_index._held = None
        yield redis_server
        resilient_cache._outages.clear()
    term_index._held = None


def statuses(client, paths):
    return {path: client.get(path).status_code for path in paths}


def test_pages_are_served_uncached_while_redis_is_down(redis_cache, seeded, caplog):
    client = Client()
    expected = statuses(client, PAGES)
    assert set(expected.values()) == {200}, expected
    assert client.get(ARTICLE)[page_cache.HEADER] == "hit"

    redis_cache.stop()
    down_since = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="cms.cache"):
        for _ in range(3):
            assert statuses(client, PAGES) == expected
        article = client.get(ARTICLE)
        assert article.status_code == 200 and page_cache.HEADER not in article  # uncached
        assert "Phòng, chống mua bán người".lower() in article.content.decode().lower()
        ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"]["cache"].startswith("error: ConnectionError")
    down_for = time.monotonic() - down_since
    # Reported when it started, then at most once per interval (not per request: the walk above
    # makes hundreds of cache operations). On a loaded machine the walk can outlast an interval.
    reports = [record.getMessage() for record in caplog.records if record.name == "cms.cache"]
    assert reports and reports[0].startswith("cache unreachable"), reports
    assert len(reports) <= 1 + down_for // resilient_cache.LOG_SECONDS, (down_for, reports)
    assert all(report.startswith("cache still unreachable after") for report in reports[1:]), reports

    redis_cache.start()  # empty: a restarted Redis without persistence
    time.sleep(resilient_cache.RETRY_SECONDS)
    with caplog.at_level(logging.WARNING, logger="cms.cache"):
        assert client.get("/readyz").status_code == 200
    assert "cache reachable again" in caplog.records[-1].getMessage()
    assert client.get(ARTICLE)[page_cache.HEADER] == "miss"
    assert client.get(ARTICLE)[page_cache.HEADER] == "hit"


def test_the_cache_is_bypassed_for_as_long_as_it_is_down(redis_cache, seeded, caplog):
    """Failing fast: after one failure the process does not ask Redis again for a while, so an
    outage costs a request at most one socket timeout, and the failure is reported once per
    interval with the number of operations answered as misses since."""
    redis_cache.stop()
    outage = resilient_cache.outage_for(redis_cache.url)
    with caplog.at_level(logging.WARNING, logger="cms.cache"):
        assert cache.get("anything") is None
        started = time.monotonic()
        for _ in range(50):
            assert cache.get("anything") is None and cache.add("k", 1) is False
        assert time.monotonic() - started < 0.5
        assert outage.unlogged == 100
        outage.logged_at -= resilient_cache.LOG_SECONDS  # the interval has passed
        outage.retry_at = 0
        cache.get("anything")
    messages = [record.getMessage() for record in caplog.records if record.name == "cms.cache"]
    assert len(messages) == 2 and "100 operations answered as misses" in messages[1]
    with pytest.raises(ValueError):
        cache.incr("counter")  # Django's answer for a missing key


def test_a_change_made_while_redis_is_frozen_is_fresh_when_it_returns(redis_cache, seeded):
    """Redis hangs (SIGSTOP) with its entries intact, a term and a page change meanwhile (their new
    stamps cannot be written), then Redis answers again with the entries it held: the first process
    to reach it starts a new generation, so nothing from before the change is served."""
    client = Client()
    article = ArticlePage.objects.get(locale__language_code="vi", slug="phong-chong-mua-ban-nguoi")
    topic = Topic.objects.get(pk=article.topics.first().pk)
    assert client.get(ARTICLE).status_code == 200
    assert client.get(ARTICLE)[page_cache.HEADER] == "hit"

    redis_cache.freeze()
    topic.name = "Chủ đề đổi tên khi Redis treo"
    topic.save()
    article.title = "Tiêu đề sửa khi Redis treo"
    article.save_revision().publish()
    during = client.get(ARTICLE)
    assert during.status_code == 200 and page_cache.HEADER not in during
    assert "Tiêu đề sửa khi Redis treo" in during.content.decode()
    assert topic.name in during.content.decode()

    redis_cache.start()  # SIGCONT: the old generation and the old page are still in Redis
    time.sleep(resilient_cache.RETRY_SECONDS)
    after = client.get(ARTICLE)
    assert after.status_code == 200 and after[page_cache.HEADER] == "miss"
    html = after.content.decode()
    assert "Tiêu đề sửa khi Redis treo" in html and topic.name in html


def test_a_page_whose_image_file_is_missing_is_still_served(seeded):
    """An image's original lost from media storage (or unreadable): pages that show it answer 200
    (Wagtail's image tags show a placeholder; the link preview image is left out), not 500."""
    import io

    from PIL import Image

    from django.core.files.images import ImageFile

    from home.models import CustomImage

    buffer = io.BytesIO()
    Image.new("RGB", (800, 500), (20, 90, 160)).save(buffer, "JPEG")
    image = CustomImage(title="Ảnh mất tệp", alt_text="Ảnh mất tệp")
    image.file.save("mat-tep.jpg", ImageFile(io.BytesIO(buffer.getvalue()), name="mat-tep.jpg"), save=False)
    image.save()
    image.file.storage.delete(image.file.name)
    article = ArticlePage.objects.get(locale__language_code="vi", slug="phong-chong-mua-ban-nguoi")
    article.hero_image = image
    article.save_revision().publish()
    response = Client().get(ARTICLE)
    assert response.status_code == 200
    assert 'property="og:image"' not in response.content.decode()


def test_a_dropped_database_connection_fails_no_later_request(web_stack):
    """The database server drops every connection the web nodes hold (a restart, a failover, an
    idle timeout on the way). The nodes keep connections between requests (``DATABASE_CONN_MAX_AGE``)
    with Django's health checks, so the next request on each connection reconnects: at most the
    requests using a connection at that moment could fail, none after (measured under load in
    docs/PERFORMANCE.md, "Faults under load")."""
    import requests

    paths = [
        "/vi/tin-tuc/?convention=crc",
        "/vi/library/?type=video",
        "/vi/search/?q=tre+em",
        "/api/v1/products/",
    ]

    def answers(node):
        headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.30"}
        return [requests.get(node.url + path, headers=headers, timeout=60).status_code for path in paths]

    for node in (web_stack.a, web_stack.b):
        assert answers(node) == [200] * len(paths)  # each worker thread now holds a connection
    assert web_stack.terminate_database_connections() >= 2
    for _ in range(3):
        for node in (web_stack.a, web_stack.b):
            assert answers(node) == [200] * len(paths)
