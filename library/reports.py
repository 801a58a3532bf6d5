"""Reports against the provincial plans' targets, computed with aggregate queries only.

Scope: live library products, counted once each in the default language (translations are the
same product). A report for a current province includes products tagged with the former
provinces merged into it; a former province can also be reported on its own.

The rules behind each share (also shown on the report pages):

- **ethnic-minority or foreign languages**: the product has at least one content language whose
  kind is *ethnic minority* or *foreign* (e.g. Khmer, Hmong, English);
- **digital platforms**: the product ran on at least one channel marked *digital platform*
  (online newspaper, social media, government portal, electronic notice boards);
- **either** (the plan's 15–20% target): at least one of the two above;
- **published online** (the plan's 100% target): on at least one digital channel.
"""

from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce, TruncMonth
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from home import provinces
from home.models import Province

from .languages import FOREIGN, MINORITY
from .models import ProductPage

RULES = [
    _(
        "Ethnic-minority or foreign languages: the product has at least one content language whose kind "
        "is ethnic minority or foreign (for example Khmer, Hmong, English)."
    ),
    _(
        "Digital platforms: the product ran on at least one channel marked as a digital platform (online "
        "newspaper, social media, government portal, electronic notice boards)."
    ),
    _(
        "Either: at least one of the two above; the plan's target is between 15 and 20 per cent "
        "of all products."
    ),
    _("Published online: on at least one digital channel; the plan's target is every product."),
    _(
        "Products are live library records counted once each; a current province includes the former "
        "provinces merged into it; the year is the year of publication (or production)."
    ),
]
TARGET_LANGUAGE_OR_DIGITAL = (15, 20)
TARGET_ONLINE = 100

MINORITY_OR_FOREIGN = Q(languages__kind__in=[FOREIGN, MINORITY])
DIGITAL = Q(channels__is_digital=True)

DIMENSIONS = {
    "convention": ("conventions__code", "conventions__name"),
    "type": ("product_type__code", "product_type__name"),
    "language": ("languages__code", "languages__name_vi"),
    "channel": ("channels__code", "channels__name"),
    "organisation": ("producer__slug", "producer__name"),
    "year": ("year", "year"),
}


def products(*, province=None, year=None):
    """Live products in the default language, narrowed to a province (merger-aware) and a year."""
    queryset = ProductPage.objects.live().filter(locale=Locale.get_default())
    if province is not None:
        queryset = provinces.filter_pages(queryset, [province.translation_key])
    if year is not None:
        queryset = queryset.filter(year=year)
    return queryset


def by_dimension(queryset, dimension):
    """``[(code, label, count)]`` for one dimension, largest first: one grouped query."""
    code, label = DIMENSIONS[dimension]
    rows = (
        ProductPage.objects.filter(pk__in=queryset.values("pk"))
        .values(code=F(code), label=F(label))
        .annotate(n=Count("pk", distinct=True))
        .exclude(code=None)
        .order_by("-n", "code")
    )
    return [(row["code"], row["label"], row["n"]) for row in rows]


def by_province(queryset):
    """Current provinces (former ones rolled in) and, separately, the former units as tagged."""
    rolled = (
        ProductPage.objects.filter(pk__in=queryset.values("pk"))
        .annotate(unit=Coalesce("province_tags__province__successor__name", "province_tags__province__name"))
        .values("unit")
        .annotate(n=Count("pk", distinct=True))
        .exclude(unit=None)
        .order_by("-n", "unit")
    )
    former = (
        ProductPage.objects.filter(
            pk__in=queryset.values("pk"), province_tags__province__valid_until__isnull=False
        )
        .values(unit=F("province_tags__province__name"))
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", "unit")
    )
    return [(r["unit"], r["n"]) for r in rolled], [(r["unit"], r["n"]) for r in former]


def articles_per_month(*, year=None):
    from news.models import ArticlePage

    articles = ArticlePage.objects.live().filter(locale=Locale.get_default())
    if year is not None:
        articles = articles.filter(date__year=year)
    rows = (
        articles.annotate(month=TruncMonth("date")).values("month").annotate(n=Count("pk")).order_by("month")
    )
    return [(row["month"], row["n"]) for row in rows]


@dataclass
class Shares:
    total: int
    language: int
    digital: int
    either: int
    online: int

    def percent(self, part):
        return round(100 * part / self.total, 1) if self.total else 0.0

    @property
    def language_pct(self):
        return self.percent(self.language)

    @property
    def digital_pct(self):
        return self.percent(self.digital)

    @property
    def either_pct(self):
        return self.percent(self.either)

    @property
    def online_pct(self):
        return self.percent(self.online)

    @property
    def meets_language_or_digital(self):
        return self.total > 0 and self.either_pct >= TARGET_LANGUAGE_OR_DIGITAL[0]

    @property
    def meets_online(self):
        return self.total > 0 and self.online_pct >= TARGET_ONLINE


def shares(queryset):
    """The target shares for ``queryset`` in one aggregate query."""
    values = ProductPage.objects.filter(pk__in=queryset.values("pk")).aggregate(
        total=Count("pk", distinct=True),
        language=Count("pk", filter=MINORITY_OR_FOREIGN, distinct=True),
        digital=Count("pk", filter=DIGITAL, distinct=True),
        either=Count("pk", filter=MINORITY_OR_FOREIGN | DIGITAL, distinct=True),
    )
    return Shares(online=values["digital"], **values)


def targets_by_province(year):
    """Shares for every current province in ``year`` (former provinces rolled in): one grouped query."""
    scope = products(year=year)
    rows = (
        ProductPage.objects.filter(pk__in=scope.values("pk"))
        .annotate(
            unit=Coalesce(
                "province_tags__province__successor__translation_key",
                "province_tags__province__translation_key",
            )
        )
        .values("unit")
        .annotate(
            total=Count("pk", distinct=True),
            language=Count("pk", filter=MINORITY_OR_FOREIGN, distinct=True),
            digital=Count("pk", filter=DIGITAL, distinct=True),
            either=Count("pk", filter=MINORITY_OR_FOREIGN | DIGITAL, distinct=True),
        )
        .order_by()
    )
    found = {row["unit"]: row for row in rows}
    result = []
    for unit in Province.objects.filter(locale=Locale.get_default(), valid_until__isnull=True).order_by(
        "name"
    ):
        row = found.get(unit.translation_key, {"total": 0, "language": 0, "digital": 0, "either": 0})
        result.append(
            (unit, Shares(row["total"], row["language"], row["digital"], row["either"], row["digital"]))
        )
    return result
