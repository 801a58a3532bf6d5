"""Library filters and facet counts, shared by the public page, exports and the partner API.

A request's facets are parsed by :class:`LibraryQuery` into translation keys (terms), ISO codes
(languages) and years. Every facet's counts come from one grouped query over the products that
match all *other* selected facets, so counts always show what selecting a value would give.
"""

import uuid
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from home import page_cache, parameters, provinces, term_index
from home.models import Channel, Convention, Organisation, ProductType, Province
from search.query import RankedObjects, clean_query, matching_objects

from . import facets
from .facets import PROVINCE_TAGGED
from .models import Language, ProductPage, public_products


@dataclass
class Facet:
    name: str
    label: str
    model: type = None

    def options(self, locale):
        """``{slug or code: term}`` for the values readers may choose, in ``locale``."""
        return facet_options(locale)[self.name]


def facet_options(locale):
    """Every facet's ``{slug or code: term}`` in ``locale``: taxonomies, provinces (with their
    successors) and organisations from the process's term index (``home.term_index``, no query),
    content languages read once per content generation."""
    index = term_index.terms()
    options = {facet.name: {} for facet in FACETS}
    for facet in FACETS:
        if facet.model is not None:
            options[facet.name] = {row.slug: row for row in index.in_locale(facet.model, locale.pk)}
    options["language"] = page_cache.per_generation(
        "library-languages", lambda: {language.code: language for language in Language.objects.all()}
    )
    return options


FACETS = [
    Facet("convention", _("Convention"), Convention),
    Facet("province", _("Province"), Province),
    Facet("type", _("Product type"), ProductType),
    Facet("language", _("Content language")),
    Facet("channel", _("Channel"), Channel),
    Facet("year", _("Year")),
    Facet("organisation", _("Organisation"), Organisation),
]
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
                    try:
                        query._choose(
                            facet.name, parameters.integer(value, minimum=1900, maximum=2200), value, None
                        )
                    except parameters.BadValue:
                        query.errors.append((facet.label, parameters.safe_echo(value)))
                elif value in options:
                    term = options[value]
                    key = term.code if facet.name == "language" else term.translation_key
                    query._choose(facet.name, key, value, term)
                else:
                    query.errors.append((facet.label, parameters.safe_echo(value)))
        return query

    def _choose(self, name, key, value, term):
        if key not in self.selected.setdefault(name, []):
            self.selected[name].append(key)
            self.chosen.setdefault(name, []).append((value, term))

    @property
    def is_filtered(self):
        return bool(self.text or self.selected)

    def _facet_rows(self, name, keys):
        """Facet-index rows of products having any of ``keys`` for facet ``name``."""
        if name == "province":
            current = set(
                Province.objects.filter(translation_key__in=keys, valid_until__isnull=True).values_list(
                    "translation_key", flat=True
                )
            )
            condition = Q(facet="province", value__in=[k.hex for k in current]) | Q(
                facet=PROVINCE_TAGGED, value__in=[k.hex for k in keys if k not in current]
            )
        else:
            condition = Q(facet=name, value__in=[_as_value(key) for key in keys])
        return facets.visible(self.locale).filter(condition)

    def apply(self, products, *, skip=None, text=True):
        """``products`` narrowed by every selected facet except ``skip``, and by the text."""
        for name, keys in self.selected.items():
            if name != skip:
                products = products.filter(pk__in=self._facet_rows(name, keys).values("product_id"))
        if self.text and text:
            matching = self._text_matches
            products = products.none() if matching is None else products.filter(pk__in=matching)
        return products

    @cached_property
    def _text_matches(self):
        """The ids of products matching the text (the site's search index), as
        ``search.query.matching_objects`` gives them: found once per search, however many of its
        statements (the list, its count, each facet's counts) are narrowed by them."""
        return matching_objects(self.text, locale=self.locale, kind="product")

    def ranked(self, products):
        """``products`` (filtered by the facets) matching the text, best match first, for paging."""
        return RankedObjects(self.apply(products, text=False), self.text, locale=self.locale, kind="product")

    def facet_counts(self, products):
        """``{facet: {key: count}}``. Unselected facets share one grouped query over the products
        matching every selection; each selected facet gets one more, ignoring its own selection."""
        groups = {None: [facet.name for facet in FACETS if facet.name not in self.selected]}
        groups.update({name: [name] for name in self.selected})
        counts = {facet.name: {} for facet in FACETS}
        for skip, names in groups.items():
            if not names:
                continue
            rows = facets.visible(self.locale).filter(facet__in=names)
            for name, keys in self.selected.items():
                if name != skip:
                    rows = rows.filter(product_id__in=self._facet_rows(name, keys).values("product_id"))
            if self.text:
                matching = self._text_matches
                rows = rows.none() if matching is None else rows.filter(product_id__in=matching)
            rows = rows.values("facet", "value").annotate(n=Count("pk")).order_by()
            for row in rows:
                counts[row["facet"]][_from_value(row["facet"], row["value"])] = row["n"]
        return counts


def _as_value(key):
    return key.hex if hasattr(key, "hex") else str(key)


def _from_value(facet, value):
    if facet == "language":
        return value
    if facet == "year":
        return int(value)
    return uuid.UUID(value)


def library_products(locale):
    return public_products(ProductPage.objects.filter(locale=locale))


def related_products(product, limit=4):
    """Public products in the same language sharing a convention, province or type, newest first."""
    terms = product.terms  # read for the page anyway (translations share the translation key)
    conventions = [c.translation_key for c in terms["conventions"]]
    province_keys = provinces.matching_keys([province.translation_key for province in terms["provinces"]])
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
