"""The admin Reports area and the annual report per province and year."""

import csv
import io

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from wagtail.models import Locale

from exhibitions.models import ExhibitionPage, ExhibitionVenue
from home import parameters, spreadsheets, visibility
from home.models import Province

from . import reports
from .charts import bar_chart

FIRST_YEAR = 2016


def _year(value, default=None):
    if value in (None, ""):
        return default
    try:
        return parameters.integer(value, minimum=FIRST_YEAR - 30, maximum=timezone.localdate().year + 1)
    except parameters.BadValue:
        raise Http404 from None


def _province(slug):
    if not slug:
        return None
    try:
        parameters.text(slug)
    except parameters.BadValue:
        raise Http404 from None
    unit = Province.objects.filter(locale=Locale.get_default(), slug=slug).select_related("successor").first()
    if unit is None:
        raise Http404
    return unit


def tables(province, year):
    """Every table of the report, as ``{key: (title, [columns], [rows])}``."""
    scope = reports.products(province=province, year=year)
    rolled, former = reports.by_province(scope)
    result = {}
    for key, title in (
        ("convention", _("Products by convention")),
        ("type", _("Products by product type")),
        ("language", _("Products by content language")),
        ("channel", _("Products by channel")),
        ("organisation", _("Products by producing organisation")),
        ("year", _("Products by year")),
    ):
        rows = [(label, count) for _code, label, count in reports.by_dimension(scope, key)]
        result[key] = (title, [_("Value"), _("Products")], rows)
    result["province"] = (
        _("Products by province (former provinces rolled in)"),
        [_("Province"), _("Products")],
        rolled,
    )
    result["former"] = (
        _("Products tagged with a former province"),
        [_("Former province"), _("Products")],
        former,
    )
    result["articles"] = (
        _("Articles published per month"),
        [_("Month"), _("Articles")],
        [(month.strftime("%m/%Y"), count) for month, count in reports.articles_per_month(year=year)],
    )
    exhibitions = visibility.public_pages(ExhibitionPage.objects.filter(locale=Locale.get_default()))
    venues = ExhibitionVenue.objects.filter(page__in=exhibitions).select_related("page")
    if year:
        venues = venues.filter(start_date__year__lte=year, end_date__year__gte=year)
    result["venues"] = (
        _("Exhibitions and their venues"),
        [_("Exhibition"), _("Venue"), pgettext("date range", "From"), _("Until")],
        [
            (v.page.title, f"{v.name}, {v.address}", v.start_date.isoformat(), v.end_date.isoformat())
            for v in venues
        ],
    )
    return result


def _export(table, fmt, filename):
    title, columns, rows = table
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(spreadsheets.csv_row(columns))
        writer.writerows(spreadsheets.csv_row(row) for row in rows)
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response
    if fmt == "xlsx":
        return _workbook({title: (columns, rows)}, filename)
    raise Http404


def _workbook(sheets, filename):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, (columns, rows) in sheets.items():
        sheet = workbook.create_sheet(title[:31].replace("/", "-"))
        sheet.append(spreadsheets.xlsx_row(sheet, columns))
        for row in rows:
            sheet.append(spreadsheets.xlsx_row(sheet, row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def reports_index(request):
    year = _year(request.GET.get("year"))
    province = _province(request.GET.get("province"))
    data = tables(province, year)
    if request.GET.get("export"):
        if request.GET["export"] not in data:
            raise Http404
        return _export(
            data[request.GET["export"]], request.GET.get("format", "csv"), f"report-{request.GET['export']}"
        )
    current_year = timezone.localdate().year
    context = {
        "page_title": _("Reports"),
        "header_icon": "table",
        "year": year,
        "province": province,
        "years": list(range(current_year, FIRST_YEAR - 1, -1)),
        "provinces": Province.objects.filter(locale=Locale.get_default()).order_by("valid_until", "name"),
        "tables": [
            (key, title, columns, rows, bar_chart(rows) if len(columns) == 2 else None)
            for key, (title, columns, rows) in data.items()
        ],
        "targets": reports.targets_by_province(year or current_year),
        "targets_year": year or current_year,
        "shares": reports.shares(reports.products(province=province, year=year)),
        "rules": reports.RULES,
        "query_string": request.GET.urlencode(),
    }
    return render(request, "library/admin/reports.html", context)


def annual_report(request, slug, year, fmt="html"):
    """The annual report for one province and year, in Vietnamese or (``?lang=en``) English."""
    province = _province(slug)
    year = _year(year)
    language = "en" if request.GET.get("lang") == "en" else "vi"
    with translation.override(language):
        data = tables(province, year)
        share = reports.shares(reports.products(province=province, year=year))
        if fmt == "xlsx":
            sheets = {title: (columns, rows) for title, columns, rows in data.values()}
            sheets[_("Targets")] = (
                [_("Measure"), _("Products"), _("Share (%)")],
                [
                    (_("All products"), share.total, 100 if share.total else 0),
                    (_("In ethnic-minority or foreign languages"), share.language, share.language_pct),
                    (_("On digital platforms"), share.digital, share.digital_pct),
                    (_("Either (target 15–20%)"), share.either, share.either_pct),
                    (_("Published online (target 100%)"), share.online, share.online_pct),
                ],
            )
            return _workbook(sheets, f"annual-report-{province.slug}-{year}-{language}")
        context = {
            "province": province,
            "year": year,
            "language": language,
            "tables": [
                (title, columns, rows, bar_chart(rows) if len(columns) == 2 else None)
                for title, columns, rows in data.values()
            ],
            "shares": share,
            "rules": reports.RULES,
        }
        return render(request, "library/admin/annual_report.html", context)
