"""Library filters and facet counts, shared by the public page, exports and the partner API.

A request's facets are parsed by :class:`LibraryQuery` into translation keys (terms), ISO codes
(languages) and years. Every facet's counts come from one grouped query over the products that
match all *other* selected facets, so counts always show what selecting a value would give.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from home import provinces
from home.models import Channel, Convention, Organisation, ProductType, Province
from search.query import clean_query, matching_ids

from .models import Language, ProductPage, public_products

PROVINCE_GROUP = Coalesce(
    "province_tags__province__successor__translation_key", "province_tags__province__translation_key"
)


@dataclass
class Facet:
    name: str
    label: str
    lookup: str
    model: type = None

    def options(self, locale):
        """``{slug or code: term}`` for the values readers may choose, in ``locale``."""
        if self.name == "language":
            return {language.code: language for language in Language.objects.all()}
        if self.name == "year":
            return {}
        rows = self.model.objects.filter(locale=locale)
        if self.model is Province:
            rows = rows.select_related("successor")
        return {row.slug: row for row in rows}


FACETS = [
    Facet("convention", _("Convention"), "conventions__translation_key", Convention),
    Facet("province", _("Province"), "province", Province),
    Facet("type", _("Product type"), "product_type__translation_key", ProductType),
    Facet("language", _("Content language"), "languages__code"),
    Facet("channel", _("Channel"), "channels__translation_key", Channel),
    Facet("year", _("Year"), "year"),
    Facet("organisation", _("Organisation"), "producer__translation_key", Organisation),
]
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}
MAX_VALUES_PER_FACET = 20


@dataclass
class LibraryQuery:
    """What a reader or partner asked for, validated. Unknown values are collected in ``errors``."""

    locale: object
    text: str = ""
    selected: dict = field(default_factory=dict)  # facet name -> list of keys / codes / years
    chosen: dict = field(default_factory=dict)  # facet name -> list of (param value, term or None)
    errors: list = field(default_factory=list)

    @classmethod
    def from_params(cls, params, locale):
        query = cls(locale=locale, text=clean_query(params.get("q", "")))
        for facet in FACETS:
            values = [value for value in params.getlist(facet.name) if value][:MAX_VALUES_PER_FACET]
            if not values:
                continue
            options = facet.options(locale)
            for value in values:
                if facet.name == "year":
                    if value.isdigit() and 1900 <= int(value) <= 2200:
                        query._choose(facet.name, int(value), value, None)
                    else:
                        query.errors.append((facet.label, value))
                elif value in options:
                    term = options[value]
                    key = term.code if facet.name == "language" else term.translation_key
                    query._choose(facet.name, key, value, term)
                else:
                    query.errors.append((facet.label, value))
        return query

    def _choose(self, name, key, value, term):
        if key not in self.selected.setdefault(name, []):
            self.selected[name].append(key)
            self.chosen.setdefault(name, []).append((value, term))

    @property
    def is_filtered(self):
        return bool(self.text or self.selected)

    def apply(self, products, *, skip=None):
        """``products`` narrowed by the text and every selected facet except ``skip``."""
        for name, keys in self.selected.items():
            if name == skip:
                continue
            if name == "province":
                products = provinces.filter_pages(products, keys)
            else:
                products = products.filter(
                    pk__in=products.model.objects.filter(
                        **{f"{FACETS_BY_NAME[name].lookup}__in": keys}
                    ).values("pk")
                )
        if self.text:
            products = products.filter(pk__in=self._text_ids(products))
        return products

    def _text_ids(self, products):
        if not hasattr(self, "_ids"):
            base = ProductPage.objects.filter(locale=self.locale)
            self._ids = matching_ids(base, self.text)
        return self._ids

    def facet_counts(self, products):
        """``{facet: {key: count}}``: one grouped query per facet, none per value."""
        counts = {}
        for facet in FACETS:
            narrowed = self.apply(products, skip=facet.name)
            group = PROVINCE_GROUP if facet.name == "province" else F(facet.lookup)
            rows = (
                ProductPage.objects.filter(pk__in=narrowed.values("pk"))
                .annotate(facet_value=group)
                .order_by()
                .values("facet_value")
                .annotate(n=Count("pk", distinct=True))
                .filter(facet_value__isnull=False)
            )
            counts[facet.name] = {row["facet_value"]: row["n"] for row in rows}
        return counts


def library_products(locale):
    return public_products(ProductPage.objects.filter(locale=locale))


def related_products(product, limit=4):
    """Public products in the same language sharing a convention, province or type, newest first."""
    conventions = [c.translation_key for c in product.conventions.all()]
    province_keys = provinces.matching_keys(
        [tag.province.translation_key for tag in product.province_tags.select_related("province")]
    )
    shared = Q(conventions__translation_key__in=conventions) | Q(
        **{f"{provinces.PAGE_PROVINCE_KEY}__in": province_keys}
    )
    sharing = ProductPage.objects.filter(shared).values("pk")
    return list(
        public_products(ProductPage.objects.filter(locale_id=product.locale_id, pk__in=sharing))
        .exclude(pk=product.pk)
        .select_related("product_type")
        .order_by("-published_on", "-pk")[:limit]
    )
