"""Product records: stable identifiers, every field on the page, citation, related products."""

import io
import re
from datetime import date, timedelta
from unittest import mock

import pytest

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Locale

from library.models import ProductPage
from tests.factories import library
from translations.localize import TranslationMemory, translate

pytestmark = pytest.mark.django_db


def test_identifier_has_prefix_year_and_sequence_and_never_changes(seeded):
    first = library.product(published_on=date(2024, 5, 1))
    second = library.product(published_on=date(2024, 7, 1))
    assert re.fullmatch(r"AG-2024-\d{6}", first.identifier)
    assert int(second.identifier[-6:]) == int(first.identifier[-6:]) + 1
    original = first.identifier
    first.published_on = date(2026, 1, 1)
    first.title = "Đổi tên"
    first.save_revision().publish()
    first.refresh_from_db()
    assert first.identifier == original and first.year == 2026


def test_prefix_comes_from_settings(seeded):
    with override_settings(LIBRARY_ID_PREFIX="BN"):
        assert library.product(published_on=date(2026, 2, 2)).identifier.startswith("BN-2026-")


def test_translations_keep_the_identifier(seeded):
    product = library.product(title="Phim tài liệu")
    memory = TranslationMemory()
    memory.add("Phim tài liệu", {"en": "Documentary"})
    english, _missing = translate(product, Locale.objects.get(language_code="en"), memory)
    assert english.identifier == product.identifier
    assert english.title == "Documentary"


def test_product_page_shows_every_field_and_a_citation(client, seeded):
    page = ProductPage.objects.get(locale__language_code="vi", slug="kich-truyen-thanh-quyen-duoc-den-truong")
    html = client.get(page.url).content.decode()
    for text in (
        page.identifier,
        "Kịch truyền thanh",
        "Tiếng Khmer",
        "Phát thanh",
        "CRC",
        "An Giang",
        "Đài Phát thanh - Truyền hình An Giang",
        "15 phút",
        "CC BY 4.0",
        "Đề án 1079",
    ):
        assert text in html, text
    citation = re.search(r'<p class="citation">(.*?)</p>', html).group(1)
    assert citation.startswith(
        "Đài Phát thanh - Truyền hình An Giang (2026). Kịch truyền thanh: Quyền được đến trường."
    )
    assert page.identifier in citation and f"http://testserver{page.url}" in citation


def test_related_products_share_a_convention_or_province(client, seeded):
    source = library.product(title="Nguồn CAT", conventions=["CAT"])
    related = library.product(title="Cùng CAT", conventions=["CAT"])
    unrelated = library.product(title="Khác", conventions=["CEDAW"], provinces=["current-ca-mau"])
    html = client.get(source.url).content.decode()
    section = html.split('id="related-products"')[1]
    assert related.title in section and unrelated.title not in section


def test_embargoed_and_draft_products_are_not_served(client, seeded):
    embargoed = library.product(title="Cấm vận", embargo_until=timezone.localdate() + timedelta(days=3))
    draft = library.product(title="Nháp", publish=False)
    assert client.get("/vi/library/").content.decode().count("Cấm vận") == 0
    assert client.get(draft.url or "/vi/library/nhap/").status_code == 404
    # An embargo is scheduled publishing: not published until its day, then published by the scheduler.
    assert not embargoed.live and embargoed.embargo_until == timezone.localdate() + timedelta(days=3)
    assert embargoed.latest_revision.approved_go_live_at == embargoed.go_live_at
    assert client.get(embargoed.url or "/vi/library/cam-van/").status_code == 404


def test_an_embargo_holds_every_language_until_its_day_then_publishes_itself(client, seeded):
    day = timezone.localdate() + timedelta(days=3)
    embargoed = library.product(title="Cấm vận đa ngữ", embargo_until=day)
    memory = TranslationMemory()
    memory.add("Cấm vận đa ngữ", {"en": "Embargoed"})
    english, _missing = translate(embargoed, Locale.objects.get(language_code="en"), memory)
    assert english.go_live_at == embargoed.go_live_at  # synchronised with the original
    assert not ProductPage.objects.get(pk=english.pk).live
    assert client.get("/api/v1/products/?lang=en&q=Embargoed").json()["count"] == 0
    on_the_day = timezone.now() + timedelta(days=3, hours=1)
    with mock.patch("django.utils.timezone.now", return_value=on_the_day):  # the day has come
        call_command("publish_scheduled", stdout=io.StringIO())
    assert ProductPage.objects.get(pk=embargoed.pk).live and ProductPage.objects.get(pk=english.pk).live
    assert client.get(ProductPage.objects.get(pk=english.pk).url).status_code == 200
