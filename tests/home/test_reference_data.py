"""Loading provinces, conventions and vocabularies: idempotent, and editors' edits survive."""

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from django.conf import settings

from home import reference_data
from home.models import Channel, ContentArea, Convention, ProductType, Province, Topic

pytestmark = pytest.mark.django_db

SHARED = Path(settings.BASE_DIR).parent / "shared" / "data"
DATA = reference_data.read("provinces")
#: The copy of the shared reference data the project ships: file name → SHA-256.
RECORDED = dict(
    reversed(line.split(maxsplit=1))
    for line in (reference_data.DATA_DIR / "shared.sha256").read_text(encoding="ascii").splitlines()
)


def test_counts_per_locale(seeded):
    for language in ("vi", "en", "km"):
        rows = Province.objects.filter(locale__language_code=language)
        assert rows.filter(valid_until__isnull=True).count() == 34
        assert rows.filter(valid_until__isnull=False).count() == 63
        assert Convention.objects.filter(locale__language_code=language).count() == 7
        assert ContentArea.objects.filter(locale__language_code=language).count() == 5
        assert Topic.objects.filter(locale__language_code=language).count() == 7
        assert ProductType.objects.filter(locale__language_code=language).count() == 17
        assert Channel.objects.filter(locale__language_code=language).count() == 9


def test_translations_share_one_key_and_carry_their_language(seeded):
    vi = Convention.objects.get(locale__language_code="vi", code="CRC")
    km = Convention.objects.get(locale__language_code="km", code="CRC")
    assert vi.translation_key == km.translation_key
    assert vi.name == "Công ước về quyền trẻ em"
    assert km.name == "អនុសញ្ញាស្ដីពីសិទ្ធិកុមារ"
    assert km.treaty_body == "គណៈកម្មាធិការសិទ្ធិកុមារ"
    assert str(vi.adopted) == "1989-11-20" and str(vi.vn_ratification) == "1990-02-28"


def test_loading_twice_changes_nothing(seeded):
    before = list(Province.objects.order_by("pk").values())
    report = reference_data.load()
    assert (report.created, report.updated, report.linked) == (0, 0, 0)
    assert report.unchanged == 97 * 3 + (7 + 5 + 7 + 17 + 9) * 3
    assert list(Province.objects.order_by("pk").values()) == before


def test_editor_changes_to_names_are_kept(seeded):
    km = Province.objects.get(locale__language_code="km", reference="current-an-giang")
    km.name = "ខេត្តអានយ៉ាង"
    km.save()
    vi = Convention.objects.get(locale__language_code="vi", code="CAT")
    vi.name = "Công ước chống tra tấn (tên do biên tập viên sửa)"
    vi.save()
    report = reference_data.load()
    km.refresh_from_db()
    vi.refresh_from_db()
    assert km.name == "ខេត្តអានយ៉ាង"
    assert vi.name.endswith("(tên do biên tập viên sửa)")
    assert len(report.kept) == 2
    assert report.created == 0


def test_a_new_alias_in_the_file_changes_only_that_province(seeded, tmp_path):
    for path in reference_data.DATA_DIR.glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    data = json.loads((tmp_path / "provinces.json").read_text())
    for unit in data["current"]:
        if unit["slug"] == "bac-ninh":
            unit["aliases"].append("Kinh Bắc")
    (tmp_path / "provinces.json").write_text(json.dumps(data, ensure_ascii=False))
    editor_alias = Province.objects.get(locale__language_code="vi", reference="current-bac-ninh")
    editor_alias.aliases = [*editor_alias.aliases, "Bắc Ninh mới"]
    editor_alias.save()

    report = reference_data.load(tmp_path)
    assert (report.created, report.updated) == (0, 3)
    vi = Province.objects.get(locale__language_code="vi", reference="current-bac-ninh")
    assert vi.aliases == ["Kinh Bắc", "Bắc Ninh mới"]
    assert "kinh bac" in vi.search_text


def _digests(directory):
    return {name: hashlib.sha256((directory / name).read_bytes()).hexdigest() for name in RECORDED}


def test_shipped_data_is_the_recorded_copy_of_the_shared_reference():
    """home/data/{provinces,conventions,taxonomy}.json are verbatim copies of the shared reference
    data (``../shared/data``, beside the checkout where the projects are developed together); the
    project's own additions live in supplement.json. home/data/shared.sha256 records the copy, so
    a fresh clone without ../shared still checks that nobody edited it by hand."""
    assert set(RECORDED) == {"provinces.json", "conventions.json", "taxonomy.json"}
    assert _digests(reference_data.DATA_DIR) == RECORDED, (
        "home/data differs from the copy recorded in home/data/shared.sha256: change the shared "
        "reference, copy it here and record it again (sha256sum ... > shared.sha256), or put the "
        "project's own additions in supplement.json"
    )


@pytest.mark.skipif(
    not SHARED.is_dir(),
    reason="../shared/data (the shared reference) is not beside this checkout; the shipped copy "
    "is checked against home/data/shared.sha256 by the test above",
)
def test_the_shared_reference_has_not_moved_on_when_present():
    assert _digests(SHARED) == RECORDED, (
        "../shared/data has changed since home/data was copied from it: copy the new files into "
        "home/data and record them (sha256sum ... > home/data/shared.sha256)"
    )
    for name in RECORDED:
        shipped = json.loads((reference_data.DATA_DIR / name).read_text(encoding="utf-8"))
        assert shipped == json.loads((SHARED / name).read_text(encoding="utf-8")), name
