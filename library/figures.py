"""Public figures for a province: published products by convention and by type (aggregates only)."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from home import provinces
from home.models import Convention, ProductType

from .models import ProductPage, public_products


def province_figures(unit, locale):
    """``[(title, [(label, count)])]`` for the public products of ``unit`` (merger-aware) in ``locale``."""
    scope = provinces.filter_pages(
        public_products(ProductPage.objects.filter(locale=locale)), [unit.translation_key]
    )
    tables = []
    for title, lookup, model in (
        (_("Products by convention"), "conventions__translation_key", Convention),
        (_("Products by product type"), "product_type__translation_key", ProductType),
    ):
        counts = dict(
            ProductPage.objects.filter(pk__in=scope.values("pk"))
            .values_list(lookup)
            .annotate(n=Count("pk", distinct=True))
            .exclude(**{lookup: None})
            .order_by()
        )
        names = {
            term.translation_key: term
            for term in model.objects.filter(locale=locale, translation_key__in=counts)
        }
        rows = sorted(
            (
                (names[key].code if model is Convention else names[key].name, n)
                for key, n in counts.items()
                if key in names
            ),
            key=lambda row: (-row[1], row[0]),
        )
        tables.append((title, rows))
    return tables
