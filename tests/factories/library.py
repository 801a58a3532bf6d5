"""Test data for the library: products tagged by code and province reference."""

import itertools
import json
from datetime import date

from wagtail.models import Locale

from home.models import Channel, Convention, Organisation, PageProvince, ProductType, Province
from library.models import Language, LibraryPage, ProductPage

_numbers = itertools.count(1)


def library(language="vi"):
    return LibraryPage.objects.get(locale__language_code=language)


def product(
    *,
    language="vi",
    title=None,
    product_type="video",
    channels=(),
    languages=("vie",),
    conventions=(),
    provinces=(),
    producer="bao-an-giang",
    published_on=date(2025, 6, 1),
    publish=True,
    embargo_until=None,
    description="<p>Mô tả sản phẩm.</p>",
    placements=(),
):
    locale = Locale.objects.get(language_code=language)
    number = next(_numbers)
    page = ProductPage(
        title=title or f"Sản phẩm kiểm thử {number}",
        slug=f"san-pham-kiem-thu-{number}",
        locale=locale,
        description=description,
        product_type=ProductType.objects.get(locale=locale, code=product_type),
        producer=Organisation.objects.filter(locale=locale, slug=producer).first(),
        published_on=published_on,
        produced_on=published_on,
        embargo_until=embargo_until,
        placements=list(placements),
        live=publish,
    )
    library(language).add_child(instance=page)
    page.channels.set(Channel.objects.filter(locale=locale, code__in=channels))
    page.languages.set(Language.objects.filter(code__in=languages))
    page.conventions.set(Convention.objects.filter(locale=locale, code__in=conventions))
    for reference in provinces:
        PageProvince.objects.create(
            page=page, province=Province.objects.get(locale=locale, reference=reference)
        )
    revision = page.save_revision()
    if publish:
        revision.publish()
    return ProductPage.objects.get(pk=page.pk)


def admin_form(*, title, slug, languages=("vie",), **extra):
    """The POST data of the admin's add or edit form for a Vietnamese leaflet of Báo An Giang
    (``extra`` adds or replaces fields)."""
    paragraph = {"key": "a", "type": "unstyled", "text": "Mô tả.", "depth": 0}
    paragraph.update(inlineStyleRanges=[], entityRanges=[])
    data = {
        "title": title,
        "slug": slug,
        "description": json.dumps({"blocks": [paragraph], "entityMap": {}}),
        "product_type": ProductType.objects.get(locale__language_code="vi", code="leaflet").pk,
        "producer": Organisation.objects.get(locale__language_code="vi", slug="bao-an-giang").pk,
        "languages": list(languages),
        "licence": "CC-BY-4.0",
        "placements-count": "0",
        "attachments-count": "0",
    }
    for prefix in ("province_tags", "comments"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(extra)
    return data
