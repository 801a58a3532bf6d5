"""Each target of a plan measured by a documented rule (docs/REPORTS.md), with its records.

- Product shares (language, digital-native, either, online) use :mod:`library.reports`: public
  products of the plan's province (former provinces merged into it included) in the year.
- Training targets: people of the target's audience group trained for the first time under the
  plan, in trainings held from the plan's start to the end of the year, over the group's size.
- Spokesperson target: the plan's state agencies that gave at least the target's number of press
  briefings or spokesperson statements in the year, over all its state agencies.
- Press briefings: briefings held under the plan in the year (the threshold is a count).

Activities are the plan's records in the default language (their translations are the same
activity); they have no public state, so every recorded one counts.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail.models import Locale

from library import reports

from .models import Attendance, Measure, Plan, PressBriefing, Target, Training

#: The product rule behind each product measure (``library.reports.matching``).
PRODUCT_RULES = {
    Measure.LANGUAGE: "language",
    Measure.DIGITAL_NATIVE: "digital",
    Measure.LANGUAGE_OR_DIGITAL: "either",
    Measure.ONLINE: "online",
}


@dataclass
class Figure:
    """One target's result: ``part`` of ``whole`` (a share) or a count, against the threshold."""

    target: Target
    part: int
    whole: int | None
    records_url: str
    details: list = field(default_factory=list)

    @property
    def is_share(self):
        return self.target.is_percentage

    @property
    def value(self):
        if not self.is_share:
            return float(self.part)
        return round(100 * self.part / self.whole, 1) if self.whole else 0.0

    @property
    def threshold(self):
        return float(self.target.threshold)

    @property
    def threshold_label(self):
        low = _format(self.target.threshold)
        if self.target.threshold_max is not None:
            low = f"{low}–{_format(self.target.threshold_max)}"
        return f"{low}%" if self.is_share else low

    @property
    def value_label(self):
        return value_label(self.is_share, self.part, self.whole, self.value)

    @property
    def met(self):
        """True or False; ``None`` when there is nothing to judge (no product, no state agency)."""
        if self.is_share and not self.whole:
            return None
        return self.value >= self.threshold


def value_label(is_share, part, whole, value):
    """``60% (3/5)`` for a share, ``13`` for a count, in the active language."""
    if is_share and whole is None:
        return _("%(count)s trained; the group's size is not set") % {"count": part}
    if is_share:
        return f"{_format(Decimal(str(value)))}% ({part}/{whole or 0})"
    return str(part)


def _format(number):
    text = f"{Decimal(number):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def default_plan(plan):
    return plan.in_default_locale()


def records_url(plan, year, target, agency=None):
    query = {"year": year, "target": target.code}
    if agency is not None:
        query["agency"] = agency.pk
    return reverse("plans_records", args=[plan.pk]) + "?" + urlencode(query)


def product_scope(plan, year, agency=None):
    scope = reports.products(province=plan.province, year=year)
    if agency is not None:
        scope = scope.filter(producer__translation_key=agency.translation_key)
    return scope


def trainings(plan, year, agency=None):
    rows = Training.objects.filter(plan=plan, locale=plan.locale, date__lte=date(year, 12, 31))
    if agency is not None:
        rows = rows.filter(organiser__translation_key=agency.translation_key)
    return rows


def briefings(plan, year, agency=None, kinds=None):
    rows = PressBriefing.objects.filter(plan=plan, locale=plan.locale, date__year=year)
    if kinds:
        rows = rows.filter(kind__in=kinds)
    if agency is not None:
        rows = rows.filter(organiser__translation_key=agency.translation_key)
    return rows


def state_agencies(plan):
    return [
        row.organisation for row in plan.agencies.filter(is_state_agency=True).select_related("organisation")
    ]


def briefings_per_agency(plan, year):
    """``{organisation translation key: (briefings, statements)}`` in ``year``: one grouped query."""
    rows = (
        briefings(plan, year)
        .values("organiser__translation_key")
        .annotate(
            held=Count("pk", filter=Q(kind=PressBriefing.Kind.BRIEFING)),
            statements=Count("pk", filter=Q(kind=PressBriefing.Kind.STATEMENT)),
        )
        .order_by()
    )
    return {row["organiser__translation_key"]: (row["held"], row["statements"]) for row in rows}


def measure(target, year, agency=None):
    """The :class:`Figure` of one target (of a plan in the default language) in ``year``."""
    plan = target.plan
    url = records_url(plan, year, target, agency)
    if target.measure in PRODUCT_RULES:
        share = reports.shares(product_scope(plan, year, agency))
        part = {
            "language": share.language,
            "digital": share.digital,
            "either": share.either,
            "online": share.online,
        }
        return Figure(target, part[PRODUCT_RULES[target.measure]], share.total, url)
    if target.measure == Measure.TRAINED:
        attendance = Attendance.objects.filter(
            training__in=trainings(plan, year, agency),
            audience__translation_key=target.audience.translation_key,
        ).aggregate(first=Sum("first_time"), attended=Sum("attended"), invited=Sum("invited"))
        return Figure(
            target,
            attendance["first"] or 0,
            target.population,
            url,
            details=[
                (_("attended"), attendance["attended"] or 0),
                (_("invited"), attendance["invited"] or 0),
            ],
        )
    if target.measure == Measure.SPOKESPERSON:
        agencies = state_agencies(plan)
        if agency is not None:
            agencies = [a for a in agencies if a.translation_key == agency.translation_key]
        counts = briefings_per_agency(plan, year)
        regular = [
            a for a in agencies if sum(counts.get(a.translation_key, (0, 0))) >= target.per_agency_minimum
        ]
        return Figure(target, len(regular), len(agencies), url)
    if target.measure == Measure.BRIEFINGS:
        held = briefings(plan, year, agency, kinds=[PressBriefing.Kind.BRIEFING]).count()
        return Figure(target, held, None, url)
    raise ValueError(f"unknown measure {target.measure}")


def figures(plan, year, agency=None):
    """Every target of ``plan`` measured in ``year`` (for one agency when given)."""
    plan = default_plan(plan)
    targets = plan.targets.filter(locale=plan.locale).select_related("audience", "plan__province")
    return [measure(target, year, agency) for target in targets]


def agency_rows(plan, year):
    """Per agency of the plan: its products, activities and contribution in ``year``."""
    from .models import Contribution

    plan = default_plan(plan)
    counts = briefings_per_agency(plan, year)
    minimum = (
        plan.targets.filter(measure=Measure.SPOKESPERSON).values_list("per_agency_minimum", flat=True).first()
        or None
    )
    contributions = {
        row.agency.translation_key: row
        for row in Contribution.objects.filter(plan=plan, year=year)
        .select_related("agency")
        .order_by("revision")
    }
    trained = dict(
        Training.objects.filter(plan=plan, locale=plan.locale, date__year=year)
        .values_list("organiser__translation_key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows = []
    for agency in plan.agencies.select_related("organisation").order_by("sort_order"):
        organisation = agency.organisation
        key = organisation.translation_key
        held, statements = counts.get(key, (0, 0))
        share = reports.shares(product_scope(plan, year, organisation))
        rows.append(
            {
                "agency": agency,
                "organisation": organisation,
                "products": share,
                "trainings": trained.get(key, 0),
                "briefings": held,
                "statements": statements,
                "regular": (held + statements >= minimum) if (minimum and agency.is_state_agency) else None,
                "contribution": contributions.get(key),
                "figures_url": reverse("plans_report", args=[plan.pk])
                + "?"
                + urlencode({"year": year, "agency": agency.organisation.pk}),
            }
        )
    return rows


def overview(year):
    """Every plan in force in ``year`` with its figures: the provinces side by side."""
    plans = Plan.objects.filter(
        locale=Locale.get_default(), starts_on__year__lte=year, ends_on__year__gte=year
    ).select_related("province")
    return [(plan, figures(plan, year)) for plan in plans]
