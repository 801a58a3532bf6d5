"""The demo seed builds the site tree in vi with en and km translations, and is idempotent."""

import io
import re

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


SERVED = "http://127.0.0.1:8001"  # as `make run PORT=8001` passes it in SITE_URL


def _listed(client, page, marker):
    """How many items the public listing of ``page`` shows (every demo listing fits on one page)."""
    response = client.get(page.url, follow=True)
    assert response.status_code == 200, page.url
    return response.content.decode().count(marker)


def test_the_summary_says_what_each_language_lists_and_links_follow_the_served_address(seeded, client):
    """A newcomer compares the summary with /vi/, /en/ and /km/: the numbers are what they see
    (they were "6 products with en and km translations" while /en/library/ listed 5 and /km/ 3),
    and the admin and invitation links are the address actually served."""
    from library.models import LibraryPage
    from news.models import ArticleIndexPage

    out = io.StringIO()
    with override_settings(DEBUG=True, WAGTAILADMIN_BASE_URL=SERVED):
        call_command("seed_demo", "--admin", stdout=out, stderr=io.StringIO())
    printed = out.getvalue()

    listings = {
        "library": (LibraryPage, "products", '<li class="product-card"'),
        "news": (ArticleIndexPage, "articles", '<article class="article-card"'),
    }
    for line, (model, noun, marker) in listings.items():
        summary = re.search(rf"^{line}: (\d+) {noun} listed in vi, (\d+) in en, (\d+) in km$", printed, re.M)
        assert summary, printed
        pages = {page.locale.language_code: page for page in model.objects.filter(depth=3).live()}
        seen = [_listed(client, pages[code], marker) for code in ("vi", "en", "km")]
        assert [int(number) for number in summary.groups()] == seen, line
        assert seen[0] > seen[1] > seen[2] > 0, "the demo keeps some items untranslated, and says so"

    assert f"Admin: {SERVED}/admin/" in printed
    links = re.findall(r"https?://\S+/admin/invitation/\S+", printed)
    assert len(links) == 2 and all(link.startswith(f"{SERVED}/admin/invitation/") for link in links)
    assert "8000" not in printed
