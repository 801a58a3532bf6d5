"""Creating a page while another request creates a sibling with the same slug (the editor's own
autosave still in flight when they press "Submit for review", a colleague) is an error on the
form, in the editor's language, with what they wrote kept: never a 500, never two pages at one
address."""

from unittest import mock

import pytest

from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.users.models import UserProfile

from library.models import ProductPage
from newsroom.admin_views import SLUG_TAKEN
from tests.accounts import sign_in
from tests.factories import library

pytestmark = pytest.mark.django_db
TITLE = "Tờ rơi về quyền của người khuyết tật"
SLUG = "to-roi-quyen-nguoi-khuyet-tat"


def _taken(language):
    """The slug error as the editor reads it, in ``language`` (and not left in English)."""
    with translation.override(language):
        message = gettext(SLUG_TAKEN) % {"page_slug": SLUG}
    assert message != SLUG_TAKEN % {"page_slug": SLUG}, f"no {language} translation"
    return escape(message)


@pytest.fixture
def editor(client, seeded):
    user = get_user_model().objects.create_superuser("race", "race@example.org", "a-long-test-password")
    sign_in(client, user)
    return client


def _data(**extra):
    return library.admin_form(title=TITLE, slug=SLUG, **extra)


def _take_address():
    """Another product under the library, at the address the editor chose."""
    page = library.product(title=TITLE)
    page.slug = SLUG
    page.save()


def _sibling_created_meanwhile():
    """Wagtail's form check passes, then (before the view saves) another request creates a page at
    the same address: what a concurrent autosave does."""
    original = WagtailAdminPageForm.clean

    def clean(form):
        cleaned = original(form)
        if not ProductPage.objects.filter(slug=SLUG).exists():
            _take_address()
        return cleaned

    return mock.patch.object(WagtailAdminPageForm, "clean", clean)


@pytest.mark.parametrize(
    "action",
    [{}, {"action-submit": "submit"}, {"action-publish": "publish"}],
    ids=["draft", "submit", "publish"],
)
def test_a_sibling_created_meanwhile_is_a_form_error_not_a_500(editor, action):
    parent = library.library("vi")
    with _sibling_created_meanwhile():
        response = editor.post(f"/admin/pages/add/library/productpage/{parent.pk}/", _data(**action))
    assert response.status_code == 200
    html = response.content.decode()
    assert _taken("vi") in html
    assert TITLE in html, "what the editor wrote is on the form again"
    assert ProductPage.objects.filter(slug=SLUG).count() == 1, "one page at the address"


def test_the_autosave_answer_is_a_json_error(editor):
    parent = library.library("vi")
    with _sibling_created_meanwhile():
        response = editor.post(
            f"/admin/pages/add/library/productpage/{parent.pk}/",
            _data(),
            headers={"Accept": "application/json"},
        )
    assert response.status_code == 400
    assert response.json()["success"] is False
    assert ProductPage.objects.filter(slug=SLUG).count() == 1


def test_a_slug_taken_before_is_the_same_error_in_khmer(client, seeded):
    user = get_user_model().objects.create_superuser("race-km", "race-km@example.org", "a-long-test-password")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "km"
    profile.save()
    sign_in(client, user)
    parent = library.library("vi")
    _take_address()
    response = client.post(f"/admin/pages/add/library/productpage/{parent.pk}/", _data())
    assert response.status_code == 200
    assert _taken("km") in response.content.decode()
