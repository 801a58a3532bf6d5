"""Exhibitions: pages in three languages, items shared between exhibitions, consent, venues."""

from datetime import timedelta

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from exhibitions.models import ConsentRequired, ExhibitionItem, ExhibitionPage, ExhibitionVenue

pytestmark = pytest.mark.django_db

PAGES = {
    "vi": "/vi/trien-lam/tre-em-qua-anh/",
    "en": "/en/exhibitions/childhood-in-pictures/",
    "km": "/km/exhibitions/childhood-in-pictures/",
}


@pytest.mark.parametrize(
    ("language", "item_title"),
    [("vi", "Lớp học song ngữ"), ("en", "A bilingual class"), ("km", "ថ្នាក់រៀនពីរភាសា")],
)
def test_exhibition_shows_items_with_captions_in_the_readers_language(client, seeded, language, item_title):
    html = client.get(PAGES[language]).content.decode()
    assert f"<strong>{item_title}</strong>" in html
    assert 'loading="lazy"' in html and 'type="image/avif"' in html and "srcset=" in html


def test_items_without_consent_are_withheld_everywhere(client, seeded):
    withheld = ExhibitionItem.objects.get(locale__language_code="vi", title="Ngày hội thiếu nhi")
    assert not withheld.may_be_shown
    for path in PAGES.values():
        html = client.get(path).content.decode()
        assert "Ngày hội thiếu nhi" not in html and "Children's festival" not in html


def test_consent_expiry_withdraws_an_item(client, seeded):
    item = ExhibitionItem.objects.get(locale__language_code="vi", title="Lớp học song ngữ")
    ExhibitionItem.objects.filter(translation_key=item.translation_key).update(
        consent_until=timezone.localdate() - timedelta(days=1)
    )
    assert "A bilingual class" not in client.get(PAGES["en"]).content.decode()


def test_a_child_without_consent_can_be_a_draft_but_never_published(seeded):
    item = ExhibitionItem.objects.get(locale__language_code="vi", title="Con đường đến trường")
    item.child_present, item.live = True, False
    item.full_clean()  # a draft may wait for consent
    item.save()
    with pytest.raises(ConsentRequired, match="consent"):
        item.save_revision().publish()
    item.refresh_from_db()
    assert not item.live
    item.consent_held, item.identifiable_people = True, True
    with pytest.raises(ValidationError):
        item.full_clean()  # consent for identifiable people needs an end date
    item.consent_until = timezone.localdate() + timedelta(days=30)
    item.full_clean()
    item.save_revision().publish()
    item.refresh_from_db()
    assert item.live and item.may_be_shown


def test_one_item_can_hang_in_two_exhibitions(client, seeded):
    page = ExhibitionPage.objects.get(locale__language_code="vi")
    item = ExhibitionItem.objects.get(locale__language_code="vi", title="Con đường đến trường")
    second = ExhibitionPage(title="Triển lãm thứ hai", slug="trien-lam-2", locale=page.locale)
    second.sections = [("section", {"title": "Một", "text": "", "items": [item]})]
    page.get_parent().add_child(instance=second)
    second.save_revision().publish()
    assert "Con đường đến trường" in client.get(second.url).content.decode()
    assert "Con đường đến trường" in client.get(page.url).content.decode()


def test_venues_are_split_into_current_upcoming_and_past(client, seeded):
    page = ExhibitionPage.objects.get(locale__language_code="vi")
    venues = page.venues_by_time()
    assert [len(venues[k]) for k in ("current", "upcoming", "past")] == [1, 1, 1]
    html = client.get("/vi/trien-lam/").content.decode()
    assert "Thư viện tỉnh An Giang" in html and "Trường THCS Châu Đốc" in html
    assert "Nhà văn hóa xã Tri Tôn" not in html


def test_venue_dates_are_checked():
    venue = ExhibitionVenue(
        name="X",
        address="Y",
        start_date=timezone.localdate(),
        end_date=timezone.localdate() - timedelta(days=1),
    )
    with pytest.raises(ValidationError):
        venue.clean()


def test_convention_page_lists_the_exhibition(client, seeded):
    html = client.get("/km/conventions/crc/").content.decode()
    assert "កុមារភាពតាមរយៈរូបថត" in html


def test_exhibition_query_count_does_not_grow_with_items(client, seeded):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = ExhibitionPage.objects.get(locale__language_code="vi")
    client.get(page.url)
    with CaptureQueriesContext(connection) as before:
        client.get(page.url)
    items = list(ExhibitionItem.objects.filter(locale=page.locale))
    page.sections = [("section", {"title": "Tất cả", "text": "", "items": items * 5})]
    page.save_revision().publish()
    client.get(page.url)
    with CaptureQueriesContext(connection) as after:
        client.get(page.url)
    assert len(after.captured_queries) <= len(before.captured_queries)


@pytest.mark.parametrize(
    ("language", "previous", "following"),
    [("vi", "Ảnh trước", "Ảnh sau"), ("km", "រូបភាពមុន", "រូបភាពបន្ទាប់"), ("en", "Previous image", "Next image")],
)
def test_the_gallery_steps_through_images_not_pages(client, seeded, language, previous, following):
    page = ExhibitionPage.objects.live().public().filter(locale__language_code=language).first()
    html = client.get(page.url).content.decode()
    assert f'data-label-previous="{previous}" data-label-next="{following}"' in html
