"""The facet index: one row per (live product, facet, value), kept in step on publish.

Filtering and counting facets on the relation tables means a join per facet through the page
table; at 100,000 products that is most of a page's time. This narrow table answers "which
products have value V of facet F" from an index, and counts every unselected facet in one
grouped query (plus one per selected facet, whose counts ignore its own selection).

Values are stable across languages: translation keys (hex) for terms, ISO codes for content
languages, the year as text. ``province`` holds the *current* province (a former province's
successor), so counts roll former provinces up; ``province_tagged`` holds what was tagged, for
filtering by a former province.
"""

from django.db import transaction

from home import visibility

from .models import ProductFacet, ProductPage

PROVINCE_TAGGED = "province_tagged"


def values_for(*, product_type, channels, languages, conventions, provinces, year, producer):
    """The facet rows of one product from its keys; ``provinces`` are (tagged, current) key pairs."""
    rows = {("type", product_type.hex)}
    rows |= {("channel", key.hex) for key in channels}
    rows |= {("language", code) for code in languages}
    rows |= {("convention", key.hex) for key in conventions}
    for tagged, current in provinces:
        rows.add((PROVINCE_TAGGED, tagged.hex))
        rows.add(("province", current.hex))
    if year:
        rows.add(("year", str(year)))
    if producer:
        rows.add(("organisation", producer.hex))
    return rows


def _rows(product):
    provinces = [
        (tag.province.translation_key, (tag.province.successor or tag.province).translation_key)
        for tag in product.province_tags.all()
    ]
    return values_for(
        product_type=product.product_type.translation_key,
        channels=[c.translation_key for c in product.channels.all()],
        languages=[language.code for language in product.languages.all()],
        conventions=[c.translation_key for c in product.conventions.all()],
        provinces=provinces,
        year=product.year,
        producer=product.producer.translation_key if product.producer_id else None,
    )


def _loaded(queryset):
    return queryset.select_related("product_type", "producer").prefetch_related(
        "channels", "languages", "conventions", "province_tags__province__successor"
    )


@transaction.atomic
def index_products(product_ids):
    """Rebuild the rows of these products from the database: live, public products only."""
    product_ids = list(product_ids)
    ProductFacet.objects.filter(product_id__in=product_ids).delete()
    rows = [
        ProductFacet(
            product_id=product.pk,
            locale_id=product.locale_id,
            facet=facet,
            value=value,
        )
        for product in _loaded(visibility.public_pages(ProductPage.objects.filter(pk__in=product_ids)))
        for facet, value in _rows(product)
    ]
    ProductFacet.objects.bulk_create(rows, batch_size=2000)


def rebuild_all(batch=2000, stdout=None):
    ids = list(ProductPage.objects.values_list("pk", flat=True).order_by("pk"))
    for start in range(0, len(ids), batch):
        index_products(ids[start : start + batch])
        if stdout:
            stdout.write(f"  {min(start + batch, len(ids))} / {len(ids)}")
    return len(ids)


def visible(locale):
    """Facet rows of the products the public may see in ``locale`` (only those have rows)."""
    return ProductFacet.objects.filter(locale_id=locale.pk)
