"""Coverage: each page's vi, en and km versions and their state; the Translations report;
machine-made translations labelled until reviewed; untranslated pages answered with a notice."""

import re
from xml.etree.ElementTree import tostring

import pytest
from defusedxml import ElementTree

from django.urls import reverse

from wagtail.models import Locale, Page

from home.models import StandardPage
from translations import coverage, exchange, provenance

pytestmark = pytest.mark.django_db


@pytest.fixture
def untranslated(seeded):
    home = StandardPage.objects.get(locale__language_code="vi", slug="gioi-thieu").get_parent()
    page = StandardPage(title="Lịch tiếp công dân", slug="lich-tiep-cong-dan", intro="Thứ Năm hằng tuần.")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture(autouse=True)
def english_admin(admin_user):
    """Assertions below read the admin in English (its default follows the site: Vietnamese)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()


def states(page):
    return {code: state for code, _name, state, _version in coverage.page_states(page)}


def test_states_missing_draft_outdated_published(untranslated):
    about = StandardPage.objects.get(locale__language_code="vi", slug="gioi-thieu")
    assert states(about) == {"vi": "published", "en": "published", "km": "published"}
    assert states(untranslated) == {"vi": "published", "en": "missing", "km": "missing"}
    about.save_revision().publish()  # the Vietnamese page changes after its translations
    assert states(about) == {"vi": "published", "en": "outdated", "km": "outdated"}
    english = about.get_translation(Locale.objects.get(language_code="en"))
    english.unpublish()
    assert states(about)["en"] == "draft"


def test_report_lists_what_is_missing_with_counts_filters_and_export(admin_client, untranslated):
    url = reverse("translations_report")
    assert admin_client.get(url).status_code == 200
    # The results as the report's filters refresh them (the full page's section menu names every section).
    results = reverse("translations_report_results")
    html = admin_client.get(results, {"language": "km", "state": "missing"}).content.decode()
    assert "Lịch tiếp công dân" in html and "Giới thiệu" not in html
    assert re.search(r"Missing: \d+", html)
    by_type = admin_client.get(results, {"content_type": untranslated.content_type_id, "state": "missing"})
    assert "Lịch tiếp công dân" in by_type.content.decode()
    export = admin_client.get(url, {"state": "missing", "export": "csv"})
    text = export.getvalue().decode()
    assert "Lịch tiếp công dân" in text and "Missing" in text


def test_page_editor_shows_the_state_of_each_language(admin_client, untranslated):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[untranslated.pk])).content.decode()
    assert "translation-states" in html and "Missing" in html


def _machine_translate(page, user):
    """Import an XLIFF file in which the translator's tool marked its output as machine-made."""
    name, data, _type = exchange.export_xliff(
        [exchange.prepare(page, Locale.objects.get(language_code="en"))]
    )
    root = ElementTree.fromstring(data)
    for unit in root.iter(f"{{{exchange.XLIFF_NS}}}trans-unit"):
        target = unit.find(f"{{{exchange.XLIFF_NS}}}target")
        target.text = (
            "Citizen reception schedule"
            if "Lịch" in unit.find(f"{{{exchange.XLIFF_NS}}}source").text
            else "Every Thursday."
        )
        target.set("state-qualifier", exchange.MACHINE_STATE)
    exchange.import_file(name, tostring(root), user=user)
    english = page.get_translation(Locale.objects.get(language_code="en"))
    english.get_latest_revision().publish()
    return Page.objects.get(pk=english.pk).specific


def test_machine_translations_are_labelled_until_a_person_reviews_them(
    client, admin_client, admin_user, untranslated
):
    english = _machine_translate(untranslated, admin_user)
    notice = "translated by a machine"
    assert notice in client.get(english.url).content.decode()
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    assert "I have reviewed this translation" in editor
    admin_client.post(reverse("translations_mark_reviewed", args=[english.pk]))
    assert notice not in client.get(english.url).content.decode()
    assert not provenance.is_unreviewed_machine_translation(english)
    report = admin_client.get(reverse("translations_report_results"), {"state": "machine"}).content.decode()
    assert "Lịch tiếp công dân" not in report


def test_a_page_without_a_translation_gets_a_notice_not_a_404(client, untranslated):
    html = client.get(untranslated.url).content.decode()
    switcher = re.search(r'href="(/km/untranslated/\d+/)"', html)
    assert switcher, "the Khmer link goes to the notice"
    notice = client.get(switcher.group(1))
    assert notice.status_code == 200
    text = notice.content.decode()
    assert 'lang="km"' in text and untranslated.url in text and "noindex" in text
    assert 'hreflang="km"' not in html  # hreflang lists only real translations
    about = StandardPage.objects.get(locale__language_code="vi", slug="gioi-thieu")
    assert client.get(f"/km/untranslated/{about.pk}/")["Location"] == "/km/about/"
    assert client.get("/km/untranslated/999999/").status_code == 404


def test_the_demo_shows_a_machine_translation_and_a_missing_one(client, seeded):
    english = client.get("/en/news/preventing-human-trafficking/").content.decode()
    assert "translated by a machine" in english
    vietnamese = client.get("/vi/tin-tuc/phong-chong-mua-ban-nguoi/").content.decode()
    khmer = re.search(r'href="(/km/untranslated/\d+/)"', vietnamese).group(1)
    notice = client.get(khmer).content.decode()
    assert (
        "/vi/tin-tuc/phong-chong-mua-ban-nguoi/" in notice
        and "/en/news/preventing-human-trafficking/" in notice
    )
