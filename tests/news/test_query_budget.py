"""Rendering an article and a 20-item section costs the same number of queries at 5 and 50 articles."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.demo import poster_image
from tests.factories import news

pytestmark = pytest.mark.django_db


def _queries(client, path):
    client.get(path)  # renditions are created on the first view; measure the steady state
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


def _make(count, first):
    return [
        news.article(
            conventions=["CRC", "CAT", "CEDAW"],
            areas=["intl-law", "policy-law"],
            topics=["upr", "human-rights-day"],
            provinces=["former-24", "former-91", "current-an-giang"],
            authors=3,
            image=poster_image(f"Ảnh ngân sách {first + n}", "Ảnh", seed=first + n, size=(320, 200)),
        )
        for n in range(count)
    ]


def test_query_counts_do_not_grow_with_articles_tags_or_authors(client, seeded):
    articles = _make(5, 0)
    article_small = _queries(client, articles[-1].url)
    index_small = _queries(client, "/vi/tin-tuc/")
    filtered_small = _queries(client, "/vi/tin-tuc/?convention=crc&province=an-giang")

    articles += _make(45, 5)
    article_large = _queries(client, articles[-1].url)
    index_large = _queries(client, "/vi/tin-tuc/")
    filtered_large = _queries(client, "/vi/tin-tuc/?convention=crc&province=an-giang")

    assert article_large == article_small
    assert index_large == index_small
    assert filtered_large == filtered_small
    print(f"article: {article_large} queries, index: {index_large}, filtered index: {filtered_large}")
