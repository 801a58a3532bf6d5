"""The demo seed builds the site tree in vi with en and km translations, and is idempotent."""

import io

import pytest

from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Page

from home.models import CustomImage, HomePage, StandardPage

pytestmark = pytest.mark.django_db


def _snapshot():
    return sorted(
        Page.objects.filter(depth__gte=2).values_list("locale__language_code", "url_path", "title", "live")
    )


def test_every_page_type_exists_in_every_language(seeded):
    for model in (HomePage, StandardPage):
        languages = set(model.objects.live().values_list("locale__language_code", flat=True))
        assert languages == {"vi", "en", "km"}, model


def test_translations_share_keys_and_carry_translated_text(seeded):
    vi = StandardPage.objects.get(locale__language_code="vi", slug="gioi-thieu")
    km = vi.get_translation(vi.locale.__class__.objects.get(language_code="km"))
    assert km.title == "អំពីវិបផតថល"
    assert "ខ្មែរ" in str(km.body)
    assert km.translation_key == vi.translation_key


def test_seeding_twice_changes_nothing_and_creates_the_admin_only_in_debug(seeded):
    from django.contrib.auth import get_user_model
    from django.core.management.base import CommandError

    before, images = _snapshot(), CustomImage.objects.count()
    with pytest.raises(CommandError):
        call_command("seed_demo", "--admin", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()

    out = io.StringIO()
    with override_settings(DEBUG=True):
        call_command("seed_demo", "--admin", stdout=out, stderr=io.StringIO())
    assert _snapshot() == before
    assert CustomImage.objects.count() == images
    for page in Page.objects.filter(depth=2):
        assert page.get_children().count() == page.numchild
    assert "password" in out.getvalue()
    assert get_user_model().objects.get(username="admin").is_superuser
