"""The facet index agrees with the relations it summarises, and follows publishing."""

import pytest

from wagtail.models import Locale

from home.models import Province
from library.facets import PROVINCE_TAGGED
from library.models import ProductFacet, ProductPage
from library.search import LibraryQuery, library_products
from tests.factories import library

pytestmark = pytest.mark.django_db


def naive_counts(products):
    counts = {
        "convention": {},
        "type": {},
        "language": {},
        "channel": {},
        "year": {},
        "organisation": {},
        "province": {},
    }
    for product in products:
        for c in product.conventions.all():
            counts["convention"][c.translation_key] = counts["convention"].get(c.translation_key, 0) + 1
        counts["type"][product.product_type.translation_key] = (
            counts["type"].get(product.product_type.translation_key, 0) + 1
        )
        for language in product.languages.all():
            counts["language"][language.code] = counts["language"].get(language.code, 0) + 1
        for channel in product.channels.all():
            counts["channel"][channel.translation_key] = counts["channel"].get(channel.translation_key, 0) + 1
        if product.year:
            counts["year"][product.year] = counts["year"].get(product.year, 0) + 1
        if product.producer_id:
            key = product.producer.translation_key
            counts["organisation"][key] = counts["organisation"].get(key, 0) + 1
        current = {(t.province.successor or t.province).translation_key for t in product.province_tags.all()}
        for key in current:
            counts["province"][key] = counts["province"].get(key, 0) + 1
    return counts


@pytest.mark.parametrize("language", ["vi", "en", "km"])
def test_counts_match_the_relations(seeded, language):
    locale = Locale.objects.get(language_code=language)
    library.product(
        conventions=["CRC", "CAT"], provinces=["former-24", "former-27"], channels=["tv", "radio"]
    )
    products = library_products(locale)
    query = LibraryQuery.from_params(_empty(), locale)
    assert query.facet_counts(products) == naive_counts(products)


def _empty():
    from django.http import QueryDict

    return QueryDict("")


def test_two_former_provinces_of_one_successor_count_once(seeded):
    product = library.product(provinces=["former-24", "former-27"])
    rows = set(ProductFacet.objects.filter(product_id=product.pk).values_list("facet", "value"))
    bac_ninh = Province.objects.get(locale__language_code="vi", reference="current-bac-ninh")
    assert ("province", bac_ninh.translation_key.hex) in rows
    assert len([r for r in rows if r[0] == "province"]) == 1
    assert len([r for r in rows if r[0] == PROVINCE_TAGGED]) == 2


def test_unpublish_removes_and_publish_restores_the_rows(seeded):
    product = library.product(conventions=["CRC"])
    assert ProductFacet.objects.filter(product_id=product.pk).exists()
    product.unpublish()
    assert not ProductFacet.objects.filter(product_id=product.pk).exists()
    ProductPage.objects.get(pk=product.pk).save_revision().publish()
    assert ProductFacet.objects.filter(product_id=product.pk, facet="convention").exists()


def test_drafts_have_no_rows(seeded):
    draft = library.product(publish=False, conventions=["CRC"])
    assert not ProductFacet.objects.filter(product_id=draft.pk).exists()
