"""Editors tag articles in the admin with choices in the article's own language."""

import pytest

from django.contrib.auth import get_user_model

from home.models import Convention
from tests.accounts import sign_in
from tests.factories import news

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, seeded):
    sign_in(client, get_user_model().objects.create_superuser("ed", "ed@example.org", "a-long-test-password"))
    return client


def test_khmer_article_offers_khmer_terms_and_shows_synchronised_tags_checked(editor):
    km = news.article(language="km", title="អត្ថបទ")
    km.conventions.set([Convention.objects.get(locale__language_code="vi", code="CRC")])
    km.save_revision().publish()
    html = editor.get(f"/admin/pages/{km.pk}/edit/").content.decode()
    crc_km = Convention.objects.get(locale__language_code="km", code="CRC")
    crc_vi = Convention.objects.get(locale__language_code="vi", code="CRC")
    assert "អនុសញ្ញាស្ដីពីសិទ្ធិកុមារ" in html
    assert f'value="{crc_km.pk}"' in html and f'value="{crc_vi.pk}"' not in html
    checked = html.split(f'value="{crc_km.pk}"')[1].split(">")[0]
    assert "checked" in checked


def test_new_article_form_renders_with_choosers(editor):
    section = news.section("vi")
    response = editor.get(f"/admin/pages/add/news/articlepage/{section.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Công ước về quyền trẻ em" in html
    assert "province_tags" in html
