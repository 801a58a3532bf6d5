"""Reports against the provincial plans' targets, computed with aggregate queries only.

Scope: public library products (``home.visibility``), counted once each in the default language
(translations are the same product). A report for a current province includes products tagged
with the former provinces merged into it; a former province can also be reported on its own.

The rules behind each share (also shown on the report pages and in docs/REPORTS.md). Each is
counted on its own: a product can meet several, and no rule stands in for another.

- **ethnic-minority or foreign languages**: at least one content language whose kind is *ethnic
  minority* or *foreign* (e.g. Khmer, Hmong, English);
- **digital-native** (made for a digital platform): the product ran on at least one channel and
  every channel it ran on is marked *digital platform* (social media, online newspaper, portal,
  electronic notice boards). A radio drama or a print article that was also posted online is not
  digital-native: it is *published online*;
- **either** (the 15–20% target): at least one of the two above;
- **published online** (the 100% target): at least one placement ("where it ran") has a link.

The thresholds are not constants: each province's plan stores its own (:mod:`plans`).
"""

from dataclasses import dataclass

from django.db import NotSupportedError
from django.db.models import BooleanField, Count, F, Func, Q
from django.db.models.functions import Coalesce, TruncMonth
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from home import provinces, visibility
from home.models import Province

from .languages import FOREIGN, MINORITY
from .models import ProductPage

RULES = [
    _(
        "Ethnic-minority or foreign languages: the product has at least one content language whose kind "
        "is ethnic minority or foreign (for example Khmer, Hmong, English)."
    ),
    _(
        "Made for digital platforms: the product ran on at least one channel, and every channel it ran on "
        "is a digital platform (online newspaper, social media, government portal, electronic notice "
        "boards); a broadcast or print product that was also posted online does not count here."
    ),
    _(
        "Either: at least one of the two above (the plans' 15–20% target); the thresholds are each "
        "province's plan's own."
    ),
    _(
        "Published online: at least one of the places where the product ran has a link; counted on its "
        "own, whatever the channels (the plans' 100% target)."
    ),
    _(
        "Products are public library records counted once each; a current province includes the former "
        "provinces merged into it; the year is the year of publication (or production)."
    ),
]

MINORITY_OR_FOREIGN = Q(languages__kind__in=[FOREIGN, MINORITY])


class HasPlacementLink(Func):
    """True when at least one placement of the product ("where it ran") has a non-empty link.

    Placements are a StreamField (JSON): read in the database, with each vendor's JSON functions, so
    that the online share stays one aggregate query."""

    output_field = BooleanField()
    arity = 1
    sqlite_template = (
        "EXISTS (SELECT 1 FROM json_each(%(expressions)s) AS placement "
        "WHERE COALESCE(json_extract(placement.value, '$.value.url'), '') <> '')"
    )
    postgresql_template = "jsonb_path_exists((%(expressions)s)::jsonb, '$[*].value.url ? (@ != \"\")')"

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template=self.sqlite_template, **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template=self.postgresql_template, **extra_context)

    def as_sql(self, compiler, connection, **extra_context):
        raise NotSupportedError(f"HasPlacementLink: no JSON query for {connection.vendor}")


def _digital_native():
    non_digital = ProductPage.objects.filter(channels__is_digital=False).values("pk")
    return Q(channels__is_digital=True) & ~Q(pk__in=non_digital)


def _online():
    return Q(HasPlacementLink("placements"))


def _counts():
    """The aggregate expressions behind :class:`Shares` (one query, whatever is grouped)."""
    digital = _digital_native()
    return {
        "total": Count("pk", distinct=True),
        "language": Count("pk", filter=MINORITY_OR_FOREIGN, distinct=True),
        "digital": Count("pk", filter=digital, distinct=True),
        "either": Count("pk", filter=MINORITY_OR_FOREIGN | digital, distinct=True),
        "online": Count("pk", filter=_online(), distinct=True),
    }


def matching(queryset, rule):
    """The products of ``queryset`` that meet one rule: ``language``, ``digital``, ``either``,
    ``online`` (the records behind a figure)."""
    conditions = {
        "language": MINORITY_OR_FOREIGN,
        "digital": _digital_native(),
        "either": MINORITY_OR_FOREIGN | _digital_native(),
        "online": _online(),
    }
    return ProductPage.objects.filter(pk__in=queryset.values("pk")).filter(conditions[rule]).distinct()


DIMENSIONS = {
    "convention": ("conventions__code", "conventions__name"),
    "type": ("product_type__code", "product_type__name"),
    "language": ("languages__code", "languages__name_vi"),
    "channel": ("channels__code", "channels__name"),
    "organisation": ("producer__slug", "producer__name"),
    "year": ("year", "year"),
}


def products(*, province=None, year=None):
    """Public products in the default language, narrowed to a province (merger-aware) and a year."""
    queryset = visibility.visible(ProductPage.objects.filter(locale=Locale.get_default()))
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

    articles = visibility.public_pages(ArticlePage.objects.filter(locale=Locale.get_default()))
    if year is not None:
        articles = articles.filter(date__year=year)
    rows = (
        articles.annotate(month=TruncMonth("date")).values("month").annotate(n=Count("pk")).order_by("month")
    )
    return [(row["month"], row["n"]) for row in rows]


@dataclass
class Shares:
    """Counts of products meeting each rule. The thresholds are the province's plan's (``None``
    where no plan sets one: then nothing is judged met or missed)."""

    total: int
    language: int
    digital: int
    either: int
    online: int
    either_threshold: float | None = None
    online_threshold: float | None = None

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
        if self.either_threshold is None or not self.total:
            return None
        return self.either_pct >= self.either_threshold

    @property
    def meets_online(self):
        if self.online_threshold is None or not self.total:
            return None
        return self.online_pct >= self.online_threshold


def shares(queryset):
    """The target shares for ``queryset`` in one aggregate query."""
    return Shares(**ProductPage.objects.filter(pk__in=queryset.values("pk")).aggregate(**_counts()))


def plan_thresholds(year):
    """``{province translation key: (either threshold, online threshold)}`` from the plans in force
    in ``year`` (the lower end of a range such as 15–20%)."""
    from plans.models import Measure, Target

    found = {}
    targets = Target.objects.filter(
        locale=Locale.get_default(),
        plan__starts_on__year__lte=year,
        plan__ends_on__year__gte=year,
        measure__in=[Measure.LANGUAGE_OR_DIGITAL, Measure.ONLINE],
    ).values_list("plan__province__translation_key", "measure", "threshold")
    for key, measure, threshold in targets:
        either, online = found.get(key, (None, None))
        if measure == Measure.ONLINE:
            online = float(threshold)
        else:
            either = float(threshold)
        found[key] = (either, online)
    return found


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
        .annotate(**_counts())
        .order_by()
    )
    found = {row.pop("unit"): row for row in rows}
    thresholds = plan_thresholds(year)
    empty = {"total": 0, "language": 0, "digital": 0, "either": 0, "online": 0}
    result = []
    for unit in Province.objects.filter(locale=Locale.get_default(), valid_until__isnull=True).order_by(
        "name"
    ):
        either, online = thresholds.get(unit.translation_key, (None, None))
        row = found.get(unit.translation_key, empty)
        result.append((unit, Shares(**row, either_threshold=either, online_threshold=online)))
    return result
