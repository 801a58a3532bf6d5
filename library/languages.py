"""Languages a communication product can be in: Viet Nam's national language, foreign languages
and ethnic-minority languages, by ISO 639-3 code.

``kind`` drives the plan's target (share of products in ethnic-minority or foreign languages).
"""

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
    """Create or update the rows of ``model`` (the Language model, possibly a historical one)."""
    for code, kind, name_vi, name_en, name_km in LANGUAGES:
        model.objects.update_or_create(
            code=code, defaults={"kind": kind, "name_vi": name_vi, "name_en": name_en, "name_km": name_km}
        )
