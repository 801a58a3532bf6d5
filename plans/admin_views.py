"""Admin views of the plans: targets against thresholds, the records behind each figure, agencies'
contributions, the provincial reports and their DOCX/PDF export, and quiz results.

Who may do what (newsroom roles):

- everyone who uses the admin sees the plans' figures and the records behind them;
- an organisation's editors submit and correct their agency's contributions and see their quizzes'
  answers;
- administrators and reviewers (the provincial information department) also see every agency's
  contributions and every quiz's answers, and submit and correct the provincial reports.
"""

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from wagtail.models import Locale

from home import parameters
from home.models import Organisation
from library import reports
from newsroom.roles import roles_of

from . import assembly, documents, measures
from .forms import (
    ContributionCorrectionForm,
    ContributionForm,
    ProvincialReportCorrectionForm,
    ProvincialReportForm,
    organisations_for_contribution,
)
from .models import (
    Contribution,
    Measure,
    Plan,
    PressBriefing,
    ProvincialReport,
    QuizPage,
    QuizResponse,
    ReportKind,
)


def _coordinates(user):
    roles = roles_of(user)
    return user.is_superuser or roles.sees_everything


def _require_coordinator(request):
    if not _coordinates(request.user):
        raise PermissionDenied


def _year(request, plan=None):
    value = request.GET.get("year")
    default = timezone.localdate().year
    if plan is not None:
        default = min(max(default, plan.starts_on.year), plan.ends_on.year)
    if value in (None, ""):
        return default
    try:
        return parameters.integer(value, minimum=2000, maximum=default + 10)
    except parameters.BadValue:
        raise Http404 from None


def _plan(plan_id):
    return get_object_or_404(
        Plan.objects.select_related("province", "locale"), pk=plan_id
    ).in_default_locale()


def _agency(request):
    value = request.GET.get("agency")
    if not value:
        return None
    try:
        pk = parameters.integer(value, minimum=1, maximum=2**62)
    except parameters.BadValue:
        raise Http404 from None
    return get_object_or_404(Organisation, pk=pk)


def plans_index(request):
    year = _year(request)
    current = timezone.localdate().year
    return render(
        request,
        "plans/admin/index.html",
        {
            "page_title": _("Plans and targets"),
            "header_icon": "tasks",
            "year": year,
            "years": list(range(current, current - 10, -1)),
            "overview": measures.overview(year),
            "rules": reports.RULES,
        },
    )


def plan_report(request, plan_id):
    plan = _plan(plan_id)
    year = _year(request, plan)
    agency = _agency(request)
    deadlines = []
    submitted = {
        (report.kind, report.year): report
        for report in ProvincialReport.objects.filter(plan=plan).order_by("revision")
    }
    for kind, deadline_year, due_on in plan.deadlines():
        deadlines.append(
            {
                "kind": kind,
                "label": ReportKind(kind).label,
                "year": deadline_year,
                "due_on": due_on,
                "report": submitted.get((kind, deadline_year)),
            }
        )
    return render(
        request,
        "plans/admin/plan_report.html",
        {
            "page_title": str(plan),
            "header_icon": "tasks",
            "plan": plan,
            "year": year,
            "agency": agency,
            "figures": measures.figures(plan, year, agency),
            "agencies": measures.agency_rows(plan, year) if agency is None else [],
            "deadlines": deadlines,
            "coordinates": _coordinates(request.user),
            "today": timezone.localdate(),
            "stewards": plan.stewards.select_related("convention", "organisation"),
        },
    )


def plan_records(request, plan_id):
    """The records behind one figure: products with the rule each meets, or the activities counted."""
    plan = _plan(plan_id)
    year = _year(request, plan)
    agency = _agency(request)
    target = plan.targets.filter(code=request.GET.get("target", "")).first()
    if target is None:
        raise Http404
    figure = measures.measure(target, year, agency)
    context = {
        "page_title": target.short,
        "header_icon": "list-ul",
        "plan": plan,
        "year": year,
        "agency": agency,
        "target": target,
        "figure": figure,
    }
    if target.measure in measures.PRODUCT_RULES:
        scope = measures.product_scope(plan, year, agency)
        counted = set(
            reports.matching(scope, measures.PRODUCT_RULES[target.measure]).values_list("pk", flat=True)
        )
        context["products"] = [
            (product, product.pk in counted) for product in scope.select_related("producer").order_by("title")
        ]
    elif target.measure == Measure.TRAINED:
        context["trainings"] = (
            measures.trainings(plan, year, agency)
            .select_related("organiser")
            .prefetch_related("attendance__audience")
            .order_by("date")
        )
        context["audience_key"] = target.audience.translation_key
    else:
        kinds = [PressBriefing.Kind.BRIEFING] if target.measure == Measure.BRIEFINGS else None
        context["briefings"] = (
            measures.briefings(plan, year, agency, kinds=kinds).select_related("organiser").order_by("date")
        )
        if target.measure == Measure.SPOKESPERSON:
            counts = measures.briefings_per_agency(plan, year)
            context["agency_counts"] = [
                (organisation, sum(counts.get(organisation.translation_key, (0, 0))))
                for organisation in measures.state_agencies(plan)
                if agency is None or organisation.translation_key == agency.translation_key
            ]
    return render(request, "plans/admin/records.html", context)


# Contributions -----------------------------------------------------------------------------------


def _contribution_scope(request):
    roles = roles_of(request.user)
    agencies = organisations_for_contribution(request.user, roles)
    keys = agencies.values("translation_key")
    plans = Plan.objects.filter(locale=Locale.get_default(), agencies__organisation__translation_key__in=keys)
    return plans.distinct().select_related("province"), agencies


def contributions(request):
    plans, agencies = _contribution_scope(request)
    if not plans.exists() and not _coordinates(request.user):
        raise PermissionDenied
    form = ContributionForm(request.POST or None, plans=plans, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        contribution = form.save(commit=False)
        contribution.submitted_by = request.user
        contribution.save()
        messages.success(
            request,
            _("Contribution of %(agency)s for %(year)s submitted.")
            % {"agency": contribution.agency, "year": contribution.year},
        )
        return redirect("plans_contribution", contribution.pk)
    rows = (
        Contribution.objects.filter(agency__in=agencies, superseded_by__isnull=True)
        .select_related("plan", "agency", "submitted_by")
        .order_by("-year", "agency__name")
    )
    return render(
        request,
        "plans/admin/contributions.html",
        {"page_title": _("Annual contributions"), "header_icon": "doc-full", "form": form, "rows": rows},
    )


def _own_contribution(request, pk):
    contribution = get_object_or_404(Contribution.objects.select_related("plan", "agency"), pk=pk)
    _plans, agencies = _contribution_scope(request)
    if not agencies.filter(pk=contribution.agency_id).exists():
        raise PermissionDenied
    return contribution


def contribution_detail(request, pk):
    contribution = _own_contribution(request, pk)
    latest = contribution
    while hasattr(latest, "superseded_by"):
        latest = latest.superseded_by
    return render(
        request,
        "plans/admin/contribution.html",
        {
            "page_title": str(contribution),
            "header_icon": "doc-full",
            "contribution": contribution,
            "latest": latest,
            "history": latest.history(),
        },
    )


def contribution_correct(request, pk):
    earlier = _own_contribution(request, pk)
    if hasattr(earlier, "superseded_by"):
        messages.warning(request, _("This is not the latest revision: correct the latest one."))
        return redirect("plans_contribution", earlier.superseded_by.pk)
    correction = Contribution(
        plan=earlier.plan,
        agency=earlier.agency,
        year=earlier.year,
        activities=earlier.activities,
        results=earlier.results,
        difficulties=earlier.difficulties,
        proposals=earlier.proposals,
    )
    form = ContributionCorrectionForm(request.POST or None, instance=correction)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            correction = form.save(commit=False)
            correction.revision = earlier.revision + 1
            correction.supersedes = earlier
            correction.submitted_by = request.user
            correction.submitted_at = timezone.now()
            correction.save()
        messages.success(
            request, _("Correction saved as revision %(revision)s.") % {"revision": correction.revision}
        )
        return redirect("plans_contribution", correction.pk)
    return render(
        request,
        "plans/admin/correct.html",
        {"page_title": _("Correct a contribution"), "header_icon": "edit", "form": form, "earlier": earlier},
    )


# Provincial reports ------------------------------------------------------------------------------


def report_new(request):
    _require_coordinator(request)
    initial = {}
    for name in ("plan", "kind", "year"):
        if request.GET.get(name):
            initial[name] = request.GET[name]
    form = ProvincialReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        report = form.save(commit=False)
        report.submitted_by = request.user
        report.snapshot = assembly.assemble(report.plan, report.kind, report.year)
        report.save()
        messages.success(request, _("Report submitted."))
        return redirect("plans_provincial_report", report.pk)
    return render(
        request,
        "plans/admin/report_form.html",
        {"page_title": _("New provincial report"), "header_icon": "doc-full", "form": form},
    )


def report_detail(request, pk):
    report = get_object_or_404(ProvincialReport.objects.select_related("plan"), pk=pk)
    latest = report
    while hasattr(latest, "superseded_by"):
        latest = latest.superseded_by
    return render(
        request,
        "plans/admin/report.html",
        {
            "page_title": str(report),
            "header_icon": "doc-full",
            "report": report,
            "latest": latest,
            "history": latest.history(),
            "parts": documents.parts(report),
            "coordinates": _coordinates(request.user),
        },
    )


def report_correct(request, pk):
    _require_coordinator(request)
    earlier = get_object_or_404(ProvincialReport.objects.select_related("plan"), pk=pk)
    if hasattr(earlier, "superseded_by"):
        messages.warning(request, _("This is not the latest revision: correct the latest one."))
        return redirect("plans_provincial_report", earlier.superseded_by.pk)
    fields = ProvincialReportCorrectionForm.Meta.fields
    correction = ProvincialReport(
        plan=earlier.plan,
        kind=earlier.kind,
        year=earlier.year,
        **{name: getattr(earlier, name) for name in fields if name != "reason"},
    )
    form = ProvincialReportCorrectionForm(request.POST or None, instance=correction)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            correction = form.save(commit=False)
            correction.revision = earlier.revision + 1
            correction.supersedes = earlier
            correction.submitted_by = request.user
            correction.submitted_at = timezone.now()
            correction.snapshot = assembly.assemble(earlier.plan, earlier.kind, earlier.year)
            correction.save()
        messages.success(
            request, _("Correction saved as revision %(revision)s.") % {"revision": correction.revision}
        )
        return redirect("plans_provincial_report", correction.pk)
    return render(
        request,
        "plans/admin/correct.html",
        {
            "page_title": _("Correct a provincial report"),
            "header_icon": "edit",
            "form": form,
            "earlier": earlier,
        },
    )


def report_export(request, pk, fmt):
    report = get_object_or_404(ProvincialReport.objects.select_related("plan"), pk=pk)
    name = f"bao-cao-{report.plan.province.slug}-{report.kind}-{report.year}-r{report.revision}"
    if fmt == "docx":
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        body = documents.docx(report)
    elif fmt == "pdf":
        content_type, body = "application/pdf", documents.pdf(report)
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


# Quiz results ------------------------------------------------------------------------------------


def quiz_results(request, page_id):
    page = get_object_or_404(QuizPage, pk=page_id)
    roles = roles_of(request.user)
    organiser_key = page.organiser.translation_key if page.organiser_id else None
    if not (_coordinates(request.user) or (organiser_key and organiser_key in roles.organisation_keys)):
        raise PermissionDenied
    responses = QuizResponse.objects.filter(quiz_key=page.translation_key).order_by("submitted_at")
    questions = [block.value for block in page.questions if block.block_type == "question"]
    if request.GET.get("format") == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            [
                pgettext("date label", "Submitted"),
                _("Language"),
                _("Score"),
                _("Name"),
                _("Phone or e-mail"),
                _("Commune or ward"),
            ]
            + [_("Question %(number)s") % {"number": n} for n in range(1, len(questions) + 1)]
        )
        for row in responses:
            writer.writerow(
                [
                    timezone.localtime(row.submitted_at).strftime("%d/%m/%Y %H:%M"),
                    row.language,
                    f"{row.score}/{row.out_of}",
                    _cell(row.name),
                    _cell(row.contact),
                    _cell(row.commune),
                ]
                + list(row.answers)
            )
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="quiz-{page.pk}.csv"'
        return response
    per_question = []
    answers = [row.answers for row in responses]
    for number, value in enumerate(questions, start=1):
        right = sum(1 for row in answers if len(row) >= number and row[number - 1] == value["correct"])
        per_question.append((number, value["question"], right, len(answers)))
    return render(
        request,
        "plans/admin/quiz_results.html",
        {
            "page_title": _("Answers: %(title)s") % {"title": page.title},
            "header_icon": "help",
            "page": page,
            "responses": responses,
            "per_question": per_question,
        },
    )


def _cell(text):
    """Typed by the public: never a spreadsheet formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
