"""News sections and articles: listing, filters, related articles, SEO and bad input."""

import json
import re
from datetime import date, datetime, timedelta

import pytest

from django.utils import timezone

from wagtail.models import PageViewRestriction

from home.demo import poster_image
from news import listing
from news.models import ArticlePage
from tests.factories import news

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="article-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_section_lists_live_articles_in_its_language_newest_first(client, seeded):
    older = news.article(title="Cũ hơn", day=date(2020, 1, 1))
    newer = news.article(title="Mới hơn", day=date(2026, 10, 1))
    listed = titles(client.get("/vi/tin-tuc/"))
    assert listed.index(newer.title) < listed.index(older.title)
    assert "Quiz on the Convention on the Rights of the Child for pupils in Khmer communities" in titles(
        client.get("/en/news/")
    )
    assert newer.title not in titles(client.get("/en/news/"))


def test_filters_combine_and_province_is_merger_aware(client, seeded):
    bac_giang = news.article(
        title="Bắc Giang CRC", conventions=["CRC"], provinces=["former-24"], day=date(2024, 3, 1)
    )
    bac_ninh = news.article(
        title="Bắc Ninh CRC", conventions=["CRC"], provinces=["current-bac-ninh"], day=date(2026, 3, 1)
    )
    other = news.article(title="Cà Mau CRC", conventions=["CRC"], provinces=["current-ca-mau"])
    result = titles(client.get("/vi/tin-tuc/", {"province": "bac-ninh", "convention": "crc"}))
    assert set(result) == {bac_giang.title, bac_ninh.title}
    former_only = titles(client.get("/vi/tin-tuc/", {"province": "bac-giang"}))
    assert bac_giang.title in former_only and bac_ninh.title not in former_only
    assert titles(client.get("/vi/tin-tuc/", {"province": "bac-ninh", "year": "2026"})) == [bac_ninh.title]
    assert other.title in titles(client.get("/vi/tin-tuc/", {"convention": "crc", "year": "2026"}))


def test_area_and_topic_filters(client, seeded):
    tagged = news.article(title="Mua bán người", areas=["policy-law"], topics=["human-trafficking"])
    assert tagged.title in titles(
        client.get("/vi/tin-tuc/", {"area": "policy-law", "topic": "human-trafficking"})
    )
    assert tagged.title not in titles(client.get("/vi/tin-tuc/", {"area": "achievements"}))


@pytest.mark.parametrize(
    "query",
    [
        {"page": "0"},
        {"page": "abc"},
        {"page": "-1"},
        {"convention": "no-such-convention"},
        {"province": "atlantis"},
        {"year": "20x6"},
        {"year": "99999999999999999999"},
        {"year": "1200"},
        {"topic": "<script>", "area": "%00"},
    ],
)
def test_bad_filters_give_a_normal_page(client, seeded, query):
    response = client.get("/vi/tin-tuc/", query)
    assert response.status_code == 200
    assert 'name="robots" content="noindex' in response.content.decode() or "page" in query


def test_bad_filter_is_reported_and_the_valid_ones_still_apply(client, seeded):
    tagged = news.article(title="CRC hợp lệ", conventions=["CRC"])
    untagged = news.article(title="Không gắn thẻ")
    response = client.get("/vi/tin-tuc/", {"convention": "crc", "province": "atlantis"})
    html = response.content.decode()
    assert 'class="form-errors" role="alert"' in html
    assert tagged.title in titles(response) and untagged.title not in titles(response)


def test_page_beyond_the_end_is_a_404(client, seeded):
    assert client.get("/vi/tin-tuc/", {"page": "999999"}).status_code == 404


def test_pagination_is_20_per_page_and_filtered_views_are_noindex(client, seeded):
    for _ in range(21):
        news.article()
    first, second = client.get("/vi/tin-tuc/"), client.get("/vi/tin-tuc/", {"page": 2})
    assert len(titles(first)) == 20 and len(titles(second)) == 7
    assert "noindex" not in first.content.decode().split("</head>")[0]
    assert 'content="noindex, follow"' in second.content.decode()
    assert 'rel="next" href="?page=2"' in first.content.decode()


def test_drafts_private_and_scheduled_articles_never_appear(client, seeded):
    draft = news.article(title="Bản nháp bí mật", publish=False, conventions=["CAT"])
    private = news.article(title="Bài riêng tư", conventions=["CAT"])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    scheduled = news.article(title="Bài hẹn giờ", publish=False, conventions=["CAT"])
    scheduled.go_live_at = timezone.now() + timedelta(days=2)
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert not scheduled.live
    secret = {draft.title, private.title, scheduled.title}
    visible = news.article(title="Bài công khai", conventions=["CAT"])
    pages = [
        "/vi/tin-tuc/",
        "/vi/tin-tuc/?convention=cat",
        "/vi/feeds/rss/",
        "/vi/feeds/atom/?convention=cat",
        "/vi/tin-tuc/feed/rss/",
        "/sitemap.xml",
        "/vi/cong-uoc/cat/",
        visible.url,
    ]
    for path in pages:
        body = client.get(path).content.decode()
        for title in secret:
            assert title not in body, (title, path)
    assert client.get(draft.url or f"/vi/tin-tuc/{draft.slug}/").status_code == 404


def test_related_articles_share_tags_and_stay_in_the_language(client, seeded):
    source = news.article(title="Nguồn", conventions=["CRPD"], topics=["children-online"])
    close = news.article(title="Gần nhất", conventions=["CRPD"], topics=["children-online"])
    far = news.article(title="Xa hơn", conventions=["CRPD"])
    unrelated = news.article(title="Không liên quan", conventions=["CAT"])
    english = news.article(title="English CRPD", conventions=["CRPD"], language="en")
    html = client.get(source.url).content.decode()
    related = html.split('id="related-title"')[1]
    assert related.index(close.title) < related.index(far.title)
    assert unrelated.title not in related and english.title not in related and "Nguồn</a>" not in related


def test_related_articles_count_tags_in_any_language_and_include_merged_provinces(client, seeded):
    from home.models import Convention, Province

    current = Province.objects.filter(locale__language_code="vi", predecessors__isnull=False).first()
    former = current.predecessors.first()
    source = news.article(
        title="Nguồn tỉnh", conventions=["CEDAW"], topics=["children-online"], provinces=[current.reference]
    )
    both = news.article(title="Chung hai thẻ", conventions=["CEDAW"], topics=["children-online"])
    english_tag = news.article(title="Thẻ tiếng Anh")
    english_tag.conventions.set(Convention.objects.filter(locale__language_code="en", code="CEDAW"))
    english_tag.save()  # parental relations are written with the page
    province_only = news.article(title="Chỉ chung tỉnh cũ", provinces=[former.reference])
    nothing = news.article(title="Không chung gì", conventions=["CAT"])
    related = [page.pk for page in listing.related_articles(source, limit=100)]
    assert related.index(both.pk) < related.index(english_tag.pk) < related.index(province_only.pk)
    assert nothing.pk not in related and source.pk not in related


def test_remembered_related_articles_follow_publishing(client, seeded, settings):
    settings.PAGE_CACHE_ENABLED = False  # the choice of related articles is kept; the page is not

    def related(page):
        return client.get(page.url).content.decode().split('id="related-title"')[1].split("</section>")[0]

    source = news.article(title="Nguồn nhớ", conventions=["CRPD"], topics=["children-online"])
    first = news.article(title="Liên quan thứ nhất", conventions=["CRPD"], topics=["children-online"])
    assert first.title in related(source)
    assert related(source) == related(source)  # the remembered choice renders the same cards
    newer = news.article(title="Liên quan mới đăng", conventions=["CRPD"], topics=["children-online"])
    assert newer.title in related(source)
    first.unpublish()
    assert first.title not in related(source) and newer.title in related(source)


def test_article_has_previews_canonical_and_news_article_json_ld(client, seeded):
    image = poster_image("Ảnh chia sẻ", "Mô tả ảnh chia sẻ", seed=5)
    page = news.article(title="Bài có ảnh", conventions=["CRC"], authors=2, image=image)
    html = client.get(page.url).content.decode()
    head = html.split("</head>")[0]
    assert f'<link rel="canonical" href="http://testserver{page.url}">' in head
    assert '<meta name="description" content="Tóm tắt bài kiểm thử.">' in head
    assert '<meta property="og:type" content="article">' in head
    assert '<meta property="og:title" content="Bài có ảnh">' in head
    og_image = re.search(r'<meta property="og:image" content="([^"]+)">', head).group(1)
    assert og_image.startswith("http://testserver/") and og_image.endswith(".jpg")
    assert '<meta name="twitter:card" content="summary_large_image">' in head
    assert '<meta property="og:locale" content="vi_VN">' in head
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Bài có ảnh"
    assert data["inLanguage"] == "vi"
    # A date-time with its offset (a bare date reads as midnight UTC), on the article's date.
    assert datetime.fromisoformat(data["datePublished"]).date() == page.date
    assert datetime.fromisoformat(data["datePublished"]).tzinfo is not None
    assert [author["name"] for author in data["author"]] == [p.name for p in page.authors.all()]
    assert data["publisher"]["name"] == "Báo An Giang"
    assert data["image"] == [og_image]


def test_json_ld_cannot_break_out_of_its_script(client, seeded):
    page = news.article(title="</script><script>alert(1)</script>")
    head = client.get(page.url).content.decode().split("</head>")[0]
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1)
    assert "<" not in block


def test_feeds_are_advertised(client, seeded):
    head = client.get("/vi/tin-tuc/?convention=crc").content.decode().split("</head>")[0]
    assert 'type="application/rss+xml"' in head and 'href="/vi/feeds/rss/"' in head
    assert 'href="/vi/tin-tuc/feed/rss/?convention=crc"' in head
    assert 'href="/vi/tin-tuc/feed/atom/?convention=crc"' in head


def test_article_page_shows_tags_in_the_readers_language(client, seeded):
    html = client.get("/km/news/quiz-on-childrens-rights/").content.decode()
    tags = html.split('class="tag-list"')[1].split("</ul>")[0]
    assert 'href="/km/news/?convention=crc"' in tags
    assert "ការការពារកុមារនៅលើប្រព័ន្ធអ៊ីនធឺណិត" in tags
    assert ArticlePage.objects.filter(locale__language_code="km").count() == 3


@pytest.mark.parametrize("language", ["vi", "en", "km"])
def test_article_cards_name_the_organisation_in_the_pages_language(client, seeded, language):
    from home.models import Organisation

    html = client.get(news.section(language).url).content.decode()
    shown = re.findall(r"</time> · ([^<]*)</p>", html)
    in_language = Organisation.objects.filter(locale__language_code=language)
    names = {name for organisation in in_language for name in (organisation.name, organisation.short_name)}
    assert shown and set(shown) <= names, (language, set(shown) - names)
