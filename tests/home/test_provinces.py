"""Merger-aware province semantics, checked for every one of the 63 → 34 mappings."""

import pytest

from wagtail.models import Locale

from home import provinces, reference_data
from home.models import PageProvince, Province, StandardPage

pytestmark = pytest.mark.django_db

DATA = reference_data.read("provinces")
FORMER = {unit["code"]: unit for unit in DATA["former"]}
MAPPING = [(code, unit["slug"]) for unit in DATA["current"] for code in unit["formed_from"]]


def test_the_data_file_maps_every_former_unit_exactly_once():
    assert sorted(code for code, _ in MAPPING) == sorted(FORMER)
    assert len(DATA["current"]) == 34 and len(FORMER) == 63


@pytest.mark.parametrize(("code", "successor_slug"), MAPPING)
def test_every_former_unit_points_at_its_successor_in_every_language(seeded, code, successor_slug):
    for language in ("vi", "en", "km"):
        former = Province.objects.get(locale__language_code=language, reference=f"former-{code}")
        assert former.successor.reference == f"current-{successor_slug}"
        assert former.successor.locale_id == former.locale_id
        assert former.name == FORMER[code][{"vi": "name_vi"}.get(language, "name_en")]


@pytest.mark.parametrize("current", DATA["current"], ids=lambda unit: unit["slug"])
def test_filter_by_current_unit_includes_its_former_units(seeded, current):
    unit = Province.objects.get(locale__language_code="vi", reference=f"current-{current['slug']}")
    former_keys = set(
        Province.objects.filter(
            locale__language_code="vi", reference__in=[f"former-{code}" for code in current["formed_from"]]
        ).values_list("translation_key", flat=True)
    )
    assert provinces.matching_keys([unit.translation_key]) == {unit.translation_key} | former_keys


def test_filter_by_former_unit_is_only_itself(seeded):
    bac_giang = Province.objects.get(locale__language_code="en", reference="former-24")
    assert provinces.matching_keys([bac_giang.translation_key]) == {bac_giang.translation_key}


def _tagged_page(slug, province):
    home = StandardPage.objects.get(slug="gioi-thieu").get_parent()
    page = StandardPage(title=slug, slug=slug, locale=Locale.objects.get(language_code="vi"))
    home.add_child(instance=page)
    PageProvince.objects.create(page=page, province=province)
    return page


def test_pages_keep_the_unit_they_were_tagged_with_and_filters_expand(seeded):
    by_ref = {p.reference: p for p in Province.objects.filter(locale__language_code="vi")}
    bac_giang = _tagged_page("bai-bac-giang", by_ref["former-24"])
    bac_ninh_old = _tagged_page("bai-bac-ninh-cu", by_ref["former-27"])
    bac_ninh_new = _tagged_page("bai-bac-ninh", by_ref["current-bac-ninh"])
    other = _tagged_page("bai-an-giang", by_ref["current-an-giang"])
    pages = StandardPage.objects.all()

    assert set(provinces.filter_pages(pages, [by_ref["current-bac-ninh"].translation_key])) == {
        bac_giang,
        bac_ninh_old,
        bac_ninh_new,
    }
    assert set(provinces.filter_pages(pages, [by_ref["former-24"].translation_key])) == {bac_giang}
    assert bac_giang.province_tags.get().province.reference == "former-24"
    km_bac_ninh = Province.objects.get(locale__language_code="km", reference="current-bac-ninh")
    assert other not in provinces.filter_pages(pages, [km_bac_ninh.translation_key])
    assert provinces.filter_pages(pages, []).count() == pages.count()


def test_former_units_are_labelled_with_dates_and_successor(seeded):
    from django.utils import translation

    with translation.override("vi"):
        unit = Province.objects.get(locale__language_code="vi", reference="former-24")
        assert str(unit) == "Bắc Giang (đến 30/6/2025 → Bắc Ninh)"
    with translation.override("en"):
        unit = Province.objects.get(locale__language_code="en", reference="former-24")
        assert str(unit) == "Bac Giang (to 30/6/2025 → Bac Ninh)"
        assert (
            str(Province.objects.get(locale__language_code="en", reference="current-bac-ninh")) == "Bac Ninh"
        )


def test_colliding_former_slugs_get_a_suffix(seeded):
    former_bac_ninh = Province.objects.get(locale__language_code="vi", reference="former-27")
    assert former_bac_ninh.slug == "bac-ninh-cu"
    assert Province.objects.get(locale__language_code="vi", reference="former-24").slug == "bac-giang"
