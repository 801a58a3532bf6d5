"""Languages a communication product can be in: Viet Nam's national language, foreign languages
and ethnic-minority languages, by ISO 639-3 code.

``kind`` drives the plan's target (share of products in ethnic-minority or foreign languages).
The rows below are created once (migration ``0002_languages``); administrators add others (Dao,
Khơ Mú, Lào...) and rename these in the admin (Plans → Content languages) without a code change:
:func:`language_viewset`, with the code checked against the ISO 639-3 code table (pycountry).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NATIONAL, FOREIGN, MINORITY = "national", "foreign", "minority"

#: (ISO 639-3, kind, Vietnamese name, English name, Khmer name)
LANGUAGES = [
    ("vie", NATIONAL, "Tiếng Việt", "Vietnamese", "ភាសាវៀតណាម"),
    ("eng", FOREIGN, "Tiếng Anh", "English", "ភាសាអង់គ្លេស"),
    ("fra", FOREIGN, "Tiếng Pháp", "French", "ភាសាបារាំង"),
    ("zho", FOREIGN, "Tiếng Trung", "Chinese", "ភាសាចិន"),
    ("khm", MINORITY, "Tiếng Khmer", "Khmer", "ភាសាខ្មែរ"),
    ("hmn", MINORITY, "Tiếng Mông", "Hmong", "ភាសាម៉ុង"),
    ("tyz", MINORITY, "Tiếng Tày", "Tày", "ភាសាតៃ"),
    ("blt", MINORITY, "Tiếng Thái", "Tai Dam (Thái)", "ភាសាថៃខ្មៅ"),
    ("mtq", MINORITY, "Tiếng Mường", "Mường", "ភាសាមឿង"),
    ("nut", MINORITY, "Tiếng Nùng", "Nùng", "ភាសានុង"),
    ("cjm", MINORITY, "Tiếng Chăm", "Cham", "ភាសាចាម"),
    ("rad", MINORITY, "Tiếng Ê Đê", "Ê Đê (Rade)", "ភាសាអេដេ"),
    ("jra", MINORITY, "Tiếng Gia Rai", "Gia Rai (Jarai)", "ភាសាចារ៉ាយ"),
    ("bdq", MINORITY, "Tiếng Ba Na", "Ba Na (Bahnar)", "ភាសាបាណា"),
    ("cmo", MINORITY, "Tiếng Mnông", "M'nông", "ភាសាព្នង"),
    ("kpm", MINORITY, "Tiếng Cơ Ho", "Cơ Ho (Koho)", "ភាសាកូហូ"),
]

#: Site languages (vi, en, km) to the ISO 639-3 codes of products' content languages.
SITE_TO_ISO = {"vi": "vie", "en": "eng", "km": "khm"}


def ensure_languages(model):
    """Create the rows of ``model`` (the Language model, possibly a historical one) that are missing;
    a row an administrator has edited is left as it is."""
    for code, kind, name_vi, name_en, name_km in LANGUAGES:
        model.objects.get_or_create(
            code=code, defaults={"kind": kind, "name_vi": name_vi, "name_en": name_en, "name_km": name_km}
        )


def iso_639_3_name(code):
    """The ISO 639-3 reference name of ``code`` (``"kjg"`` → ``"Khmu"``), or None if there is no such code."""
    import pycountry

    if len(code or "") != 3 or not code.isascii() or not code.islower():
        return None
    language = pycountry.languages.get(alpha_3=code)
    return language.name if language else None


def validate_code(code):
    if iso_639_3_name(code) is None:
        raise ValidationError(
            _(
                "“%(code)s” is not an ISO 639-3 language code: three lower-case letters, "
                "for example kjg for Khmu."
            ),
            params={"code": code},
            code="invalid",
        )


def language_viewset():
    from translations.breadcrumbs import SnippetViewSet

    from .models import Language

    class LanguageViewSet(SnippetViewSet):
        """Content languages in the admin, for administrators (the model's Django permissions)."""

        model = Language
        icon = "globe"
        list_display = ["code", "name_vi", "name_en", "name_km", "kind"]
        list_filter = ["kind"]
        ordering = ["kind", "code"]

    return LanguageViewSet
