"""Editors create products in the admin, with choosers, revisions and moderation like any page."""

import pytest

from django.contrib.auth import get_user_model

from library.models import ProductPage
from tests.accounts import sign_in
from tests.factories import library

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, seeded):
    sign_in(client, get_user_model().objects.create_superuser("pe", "pe@example.org", "a-long-test-password"))
    return client


def test_add_form_offers_choosers_for_types_organisations_and_provinces(editor):
    response = editor.get(f"/admin/pages/add/library/productpage/{library.library('vi').pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("product_type", "producer", "commissioner", "province_tags", "languages", "channels"):
        assert f'name="{field}' in html or field in html, field
    assert "Tiếng Khmer" in html and "Công ước về quyền trẻ em" in html


def test_saving_a_draft_then_publishing_through_the_admin(editor):
    parent = library.library("vi")
    data = library.admin_form(
        title="Tờ rơi soạn trong trang quản trị",
        slug="to-roi-quan-tri",
        languages=("vie", "khm"),
        reprint_allowed="on",
        rebroadcast_allowed="on",
    )
    response = editor.post(f"/admin/pages/add/library/productpage/{parent.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    product = ProductPage.objects.get(slug="to-roi-quan-tri")
    assert not product.live and product.identifier.startswith("AG-")
    assert product.revisions.count() == 1
    response = editor.post(f"/admin/pages/{product.pk}/edit/", {**data, "action-publish": "publish"})
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.live and product.revisions.count() == 2
