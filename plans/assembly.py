"""The provincial report's content: the agencies' contributions and the measured figures.

:func:`assemble` returns plain data (JSON) that a submitted :class:`~plans.models.ProvincialReport`
keeps as its snapshot, so the DOCX and PDF always show what was reported, whatever is recorded
afterwards. A review (3-year interim, 5-year final) covers every year of the plan up to its year.
"""

from django.db.models import Count, Sum
from django.utils import translation

from .measures import default_plan, figures
from .models import Attendance, Contribution, Event, PressBriefing, QuizResponse, ReportKind, Training

LANGUAGES = ("vi", "en", "km")


def _target_names(plan):
    """``{target code: {language: short name}}`` from the target's translations."""
    names = {}
    for target in plan.targets.all():
        names[target.code] = {"vi": target.short, "wording": target.wording}
        for code in LANGUAGES[1:]:
            translated = target.get_translations().filter(locale__language_code=code).first()
            names[target.code][code] = translated.short if translated else target.short
    return names


def _activities(plan, year):
    trainings = Training.objects.filter(plan=plan, locale=plan.locale, date__year=year)
    attendance = Attendance.objects.filter(training__in=trainings).aggregate(
        invited=Sum("invited"), attended=Sum("attended"), first=Sum("first_time")
    )
    briefings = dict(
        PressBriefing.objects.filter(plan=plan, locale=plan.locale, date__year=year)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    quizzes = QuizResponse.objects.filter(
        page__plan__translation_key=plan.translation_key, submitted_at__year=year
    )
    return {
        "trainings": trainings.count(),
        "invited": attendance["invited"] or 0,
        "attended": attendance["attended"] or 0,
        "first_time": attendance["first"] or 0,
        "briefings": briefings.get(PressBriefing.Kind.BRIEFING, 0),
        "statements": briefings.get(PressBriefing.Kind.STATEMENT, 0),
        "events": Event.objects.filter(plan=plan, locale=plan.locale, date__year=year).count(),
        "quiz_answers": quizzes.count(),
    }


def _figure(figure):
    return {
        "code": figure.target.code,
        "measure": figure.target.measure,
        "threshold": figure.threshold_label,
        "is_share": figure.is_share,
        "part": figure.part,
        "whole": figure.whole,
        "value": figure.value,
        "met": figure.met,
    }


def assemble(plan, kind, year):
    plan = default_plan(plan)
    years = [year] if kind == ReportKind.ANNUAL else [y for y in plan.years if y <= year]
    with translation.override("vi"):
        per_year = {str(y): [_figure(figure) for figure in figures(plan, y)] for y in years}
        activities = {str(y): _activities(plan, y) for y in years}
    contributions = []
    latest = {}
    for row in (
        Contribution.objects.filter(plan=plan, year__in=years).select_related("agency").order_by("revision")
    ):
        latest[(row.agency_id, row.year)] = row
    order = {agency.organisation_id: agency.sort_order or 0 for agency in plan.agencies.all()}
    for row in sorted(latest.values(), key=lambda r: (r.year, order.get(r.agency_id, 999), r.agency.name)):
        contributions.append(
            {
                "agency": row.agency.name,
                "year": row.year,
                "revision": row.revision,
                "activities": row.activities,
                "results": row.results,
                "difficulties": row.difficulties,
                "proposals": row.proposals,
            }
        )
    submitted = {key[0] for key in latest if key[1] == year}
    missing = [
        a.organisation.name
        for a in plan.agencies.select_related("organisation")
        if a.submits_contribution and a.organisation_id not in submitted
    ]
    return {
        "plan": {
            "title": plan.title,
            "number": plan.number,
            "issued_on": plan.issued_on.isoformat(),
            "issuing_body": plan.issuing_body,
            "province": plan.province.name,
            "period": [plan.starts_on.year, plan.ends_on.year],
        },
        "years": [str(y) for y in years],
        "targets": _target_names(plan),
        "figures": per_year,
        "activities": activities,
        "contributions": contributions,
        "missing": missing,
    }
