"""Convention and province pages list tagged articles: newest first, current language, live only."""

from datetime import date

import pytest

from home.models import Convention
from tests.factories import news

pytestmark = pytest.mark.django_db


def _section(html):
    return html.split('class="related"')[1].split("</section>")[0]


def test_convention_page_lists_tagged_articles_newest_first_in_its_language(client, seeded):
    old = news.article(title="CAT cũ", conventions=["CAT"], day=date(2019, 1, 1))
    new = news.article(title="CAT mới", conventions=["CAT"], day=date(2026, 9, 1))
    draft = news.article(title="CAT nháp", conventions=["CAT"], publish=False)
    english = news.article(title="CAT in English", conventions=["CAT"], language="en")
    section = _section(client.get("/vi/cong-uoc/cat/").content.decode())
    assert section.index(new.title) < section.index(old.title)
    assert draft.title not in section and english.title not in section
    assert english.title in _section(client.get("/en/conventions/cat/").content.decode())


def test_tag_pointing_at_another_languages_term_still_counts(client, seeded):
    page = news.article(title="Gắn thẻ bằng bản tiếng Khmer")
    page.conventions.set([Convention.objects.get(locale__language_code="km", code="CRPD")])
    page.save_revision().publish()
    assert page.title in _section(client.get("/vi/cong-uoc/crpd/").content.decode())


def test_province_page_lists_articles_with_merger_semantics(client, seeded):
    current = _section(client.get("/vi/tinh-thanh/an-giang/").content.decode())
    assert "Trợ giúp pháp lý miễn phí cho người khuyết tật ở Kiên Giang cũ" in current
    assert "Hội thi tìm hiểu Công ước về quyền trẻ em" in current
    former = _section(client.get("/vi/tinh-thanh/kien-giang/").content.decode())
    assert "Kiên Giang cũ" in former
    assert "Hội thi tìm hiểu" not in former


def test_unpublishing_an_article_removes_it_and_never_breaks_the_page(client, seeded):
    page = news.article(title="Sẽ gỡ", conventions=["ICERD"])
    assert page.title in client.get("/vi/cong-uoc/icerd/").content.decode()
    page.unpublish()
    response = client.get("/vi/cong-uoc/icerd/")
    assert response.status_code == 200 and page.title not in response.content.decode()
    page.delete()
    assert client.get("/vi/cong-uoc/icerd/").status_code == 200


def test_deleting_a_tagged_province_removes_the_tag_only(client, seeded):
    from home.models import Province

    page = news.article(title="Tỉnh bị xoá", provinces=["former-91"])
    Province.objects.filter(reference="former-91").delete()
    response = client.get(page.url)
    assert response.status_code == 200


def test_convention_page_lists_library_products_too(client, seeded):
    html = client.get("/vi/cong-uoc/crc/").content.decode()
    sections = html.split('class="related"')
    titles = [section.split("</h2>")[0] for section in sections[1:]]
    assert any("Bài viết" in title for title in titles)
    assert any("Sản phẩm trong thư viện" in title for title in titles)
    assert "Kịch truyền thanh: Quyền được đến trường" in html
