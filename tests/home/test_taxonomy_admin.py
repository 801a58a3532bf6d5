"""The Taxonomy menu group and the accent-insensitive province chooser."""

import json

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.accounts import sign_in

pytestmark = pytest.mark.django_db

CHOOSER = "wagtailsnippetchoosers_home_province:choose_results"


@pytest.fixture
def admin_client(client, seeded):
    user = get_user_model().objects.create_superuser("chief", "chief@example.org", "a-long-test-password")
    sign_in(client, user)
    return client


@pytest.mark.parametrize("query", ["bac giang", "Bac Giang", "Bắc Giang", "BẮC GIANG", "bắc giang"])
def test_province_chooser_finds_bac_giang_however_it_is_typed(admin_client, query):
    response = admin_client.get(reverse(CHOOSER), {"q": query, "locale": "vi"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bắc Giang (đến 30/6/2025 → Bắc Ninh)" in html
    assert "Hà Nội" not in html


def test_province_chooser_finds_aliases(admin_client):
    html = admin_client.get(reverse(CHOOSER), {"q": "hoa binh", "locale": "vi"}).content.decode()
    assert "Hòa Bình (đến 30/6/2025 → Phú Thọ)" in html
    html = admin_client.get(reverse(CHOOSER), {"q": "Thừa Thiên", "locale": "vi"}).content.decode()
    assert "Huế" in html


def test_province_listing_search_is_folded(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_home_province:list"), {"q": "dak lak"})
    html = response.content.decode()
    assert "Đắk Lắk" in html
    assert "Cà Mau" not in html


def test_taxonomy_menu_group_lists_every_vocabulary(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    for name in ("convention", "province", "contentarea", "topic", "producttype", "channel"):
        assert f"/admin/snippets/home/{name}/" in html
    assert "Phân loại" in html or json.dumps("Phân loại")[1:-1] in html


@pytest.mark.parametrize(
    "model", ["convention", "province", "contentarea", "topic", "producttype", "channel"]
)
def test_every_vocabulary_lists_and_edits_in_the_admin(admin_client, model):
    listing = admin_client.get(f"/admin/snippets/home/{model}/")
    assert listing.status_code == 200
    from django.apps import apps

    row = apps.get_model("home", model).objects.filter(locale__language_code="km").first()
    edit = admin_client.get(f"/admin/snippets/home/{model}/edit/{row.pk}/")
    assert edit.status_code == 200
