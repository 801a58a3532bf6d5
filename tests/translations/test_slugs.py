"""Readable slugs (translations/slugs.py): Vietnamese titles keep their letters in ASCII, on the
server and in the admin's live slug field, and translations get slugs of their own that stay."""

import json
import re

import pytest

from django.urls import reverse

from wagtail.models import Locale, Page, get_page_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from news.models import ArticleIndexPage, ArticlePage
from tests.accounts import sign_in
from tests.newsroom.conftest import NEWSPAPER, organisation, people  # noqa: F401 (fixture)
from translations.slugs import FORMATTERS, ReadableSlugMixin, ascii_slug

TITLES = {
    "Tập huấn kỹ năng": "tap-huan-ky-nang",
    "Đào tạo đội ngũ cán bộ": "dao-tao-doi-ngu-can-bo",
    "Quyền trẻ em – Công ước 1989": "quyen-tre-em-cong-uoc-1989",
    "Người khuyết tật được hỗ trợ ở Châu Đốc": "nguoi-khuyet-tat-duoc-ho-tro-o-chau-doc",
    "Sự tham gia của phụ nữ": "su-tham-gia-cua-phu-nu",
    "Skills training": "skills-training",
    "ការបណ្ដុះបណ្ដាល": "",
}


@pytest.mark.parametrize(("title", "slug"), list(TITLES.items()))
def test_ascii_slugs_keep_vietnamese_letters(title, slug):
    assert ascii_slug(title) == slug


def test_decomposed_accents_give_the_same_slug():
    import unicodedata

    assert ascii_slug(unicodedata.normalize("NFD", "Tập huấn kỹ năng")) == "tap-huan-ky-nang"


def test_every_page_type_has_the_rule():
    models = [model for model in get_page_models() if model is not Page]
    assert models and all(issubclass(model, ReadableSlugMixin) for model in models), [
        model for model in models if not issubclass(model, ReadableSlugMixin)
    ]


def _section():
    return ArticleIndexPage.objects.get(locale__language_code="vi", depth=3)


@pytest.mark.django_db
def test_a_page_created_without_a_slug_gets_a_readable_one(seeded):
    """Wagtail alone gives "ao-tao-doi-ngu-can-bo" (Django drops the đ it cannot decompose)."""
    section = _section()
    page = ArticlePage(title="Đào tạo đội ngũ cán bộ", standfirst="…", organisation=organisation(NEWSPAPER))
    section.add_child(instance=page)
    assert page.slug == "dao-tao-doi-ngu-can-bo"
    again = ArticlePage(title="Đào tạo đội ngũ cán bộ", standfirst="…", organisation=organisation(NEWSPAPER))
    section.add_child(instance=again)
    assert again.slug == "dao-tao-doi-ngu-can-bo-1", "still unique among its siblings"


def _emulate_wagtail_urlify(value, formatters):
    """What Wagtail 8.0's slug script (w-slug#urlify, allowUnicode false) does with the title: the
    formatters in order, then its own cleaning (its Latin maps change nothing left after them)."""
    for (pattern, _flags), replacement in formatters:
        value = re.sub(pattern, replacement, value)
    value = value.strip().lower()
    value = re.sub(r"[^-\w\s]", "", value, flags=re.ASCII)
    value = re.sub(r"[-\s]+", "-", value)
    return value[:255].rstrip("-")


@pytest.mark.django_db
def test_the_admins_slug_field_writes_the_same_slugs(client, people):  # noqa: F811
    sign_in(client, people["editor"])
    url = reverse("wagtailadmin_pages:add", args=["news", "articlepage", _section().pk])
    content = client.get(url).content.decode()
    match = re.search(r'<input[^>]*name="slug"[^>]*>', content)
    assert match and 'data-controller="w-slug"' in match.group(0)
    value = re.search(r'data-w-slug-formatters-value="([^"]+)"', match.group(0)).group(1)
    formatters = json.loads(value.replace("&quot;", '"'))
    assert len(formatters) == len(FORMATTERS)
    for title, slug in TITLES.items():
        if slug:
            assert _emulate_wagtail_urlify(title, formatters) == slug, title


def _translate(page, locale, title, user):
    """wagtail-localize's path: a translation of ``page`` into ``locale`` whose title string is
    translated (nobody translated its slug), saved as wagtail-localize saves it."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segment = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale=locale,
        context_id=segment.context_id,
        defaults={"data": title, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
    )
    translation.save_target(user=user, publish=False)
    return translation


@pytest.mark.django_db
def test_a_translation_gets_its_own_slug_from_its_title_and_keeps_it(people):  # noqa: F811
    section = _section()
    original = ArticlePage(title="Tập huấn kỹ năng", standfirst="…", organisation=organisation(NEWSPAPER))
    section.add_child(instance=original)
    original.save_revision(user=people["editor"]).publish(user=people["reviewer"])
    english = Locale.objects.get(language_code="en")

    translation = _translate(original, english, "Skills training", people["reviewer"])
    en_page = original.get_translation(english)
    assert en_page.slug == "skills-training"

    en_page.get_latest_revision().publish(user=people["reviewer"])
    # Later syncs (the original changed, and the translated title too) keep the address.
    original.title = "Tập huấn kỹ năng viết báo"
    original.save_revision(user=people["editor"]).publish(user=people["reviewer"])
    _translate(
        ArticlePage.objects.get(pk=original.pk), english, "Training in writing skills", people["reviewer"]
    )
    en_page = ArticlePage.objects.get(pk=en_page.pk)
    assert en_page.slug == "skills-training"
    assert translation.source.get_source_instance().slug == "tap-huan-ky-nang"


@pytest.mark.django_db
def test_a_khmer_translation_keeps_the_originals_slug(people):  # noqa: F811
    section = _section()
    original = ArticlePage(title="Tập huấn kỹ năng", standfirst="…", organisation=organisation(NEWSPAPER))
    section.add_child(instance=original)
    original.save_revision(user=people["editor"]).publish(user=people["reviewer"])
    khmer = Locale.objects.get(language_code="km")
    _translate(original, khmer, "វគ្គបណ្ដុះបណ្ដាលជំនាញ", people["reviewer"])
    assert original.get_translation(khmer).slug == "tap-huan-ky-nang"


@pytest.mark.django_db
def test_a_published_translation_under_the_originals_slug_keeps_its_address(people):  # noqa: F811
    """Translations published before this rule (or before their title was translated) keep the
    original's slug: a published address never changes by itself."""
    section = _section()
    original = ArticlePage(title="Tập huấn kỹ năng", standfirst="…", organisation=organisation(NEWSPAPER))
    section.add_child(instance=original)
    original.save_revision(user=people["editor"]).publish(user=people["reviewer"])
    english = Locale.objects.get(language_code="en")
    _translate(original, english, "Tập huấn kỹ năng", people["reviewer"])  # title not translated yet
    en_page = original.get_translation(english)
    en_page.get_latest_revision().publish(user=people["reviewer"])
    assert ArticlePage.objects.get(pk=en_page.pk).slug == "tap-huan-ky-nang"
    _translate(original, english, "Skills training", people["reviewer"])
    assert ArticlePage.objects.get(pk=en_page.pk).slug == "tap-huan-ky-nang"


@pytest.mark.django_db
def test_a_slug_chosen_by_hand_is_every_languages(people):  # noqa: F811
    """An original whose slug is not its title's (a convention's "crc", the library's "library")
    chose it for every language: its translations keep it (the demo's /en/conventions/crc/)."""
    section = _section()
    original = ArticlePage(
        title="Tập huấn kỹ năng", slug="tap-huan", standfirst="…", organisation=organisation(NEWSPAPER)
    )
    section.add_child(instance=original)
    original.save_revision(user=people["editor"]).publish(user=people["reviewer"])
    english = Locale.objects.get(language_code="en")
    _translate(original, english, "Skills training", people["reviewer"])
    assert original.get_translation(english).slug == "tap-huan"
