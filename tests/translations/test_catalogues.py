"""Every interface string is translated in vi, en and km; no entry is fuzzy or untranslated."""

from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.utils import translation

CATALOGUES = Path(settings.BASE_DIR) / "translations" / "locale"


@pytest.mark.parametrize("language", ["vi", "en", "km"])
def test_catalogue_is_complete(language):
    po = polib.pofile(str(CATALOGUES / language / "LC_MESSAGES" / "django.po"))
    entries = [entry for entry in po if not entry.obsolete]
    assert len(entries) > 50
    assert [entry.msgid for entry in entries if "fuzzy" in entry.flags] == []
    assert [entry.msgid for entry in entries if not entry.translated()] == []


@pytest.mark.parametrize("language", ["vi", "en", "km"])
def test_compiled_catalogue_is_in_use(language):
    expected = {"vi": "Tìm kiếm", "en": "Search", "km": "ស្វែងរក"}[language]
    with translation.override(language):
        assert translation.gettext("Search") == expected


def test_wagtail_strings_missing_upstream_are_translated_here():
    from wagtail.snippets.widgets import AdminSnippetChooser

    from home.models import Organisation

    with translation.override("vi"):
        assert AdminSnippetChooser(Organisation).choose_one_text.startswith("Chọn ")
