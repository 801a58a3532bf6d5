"""Exporting library products as CSV, XLSX and JSON: one row per product, terms by code.

The columns are ``library.columns.COLUMNS``, the list the import reads too, so an exported file
can be edited and imported back. The description is the stored rich text (HTML).

Text cells of the CSV and XLSX files are neutralised against formula injection
(``home.spreadsheets``); the JSON export carries the values as they are.
"""

import csv
import io
import json

from django.http import HttpResponse, StreamingHttpResponse

from home import spreadsheets

from . import columns

COLUMNS = columns.COLUMNS
BATCH = 500


def with_export_relations(products):
    return products.select_related("product_type", "producer", "commissioner", "locale").prefetch_related(
        "channels", "languages", "conventions", "province_tags__province"
    )


def record(product, request):
    """A product as plain values, stable across languages (codes, slugs and ISO dates); also the
    partner API's record (``library.api``), which adds its own description."""
    return {
        "identifier": product.identifier,
        "title": product.title,
        "url": request.build_absolute_uri(product.url) if request else product.url,
        "language": product.locale.language_code,
        "product_type": product.product_type.code,
        "channels": [channel.code for channel in product.channels.all()],
        "content_languages": [language.code for language in product.languages.all()],
        "conventions": [convention.code for convention in product.conventions.all()],
        "convention_articles": product.convention_articles,
        "provinces": [tag.province.slug for tag in product.province_tags.all()],
        "producer": product.producer.slug if product.producer else "",
        "commissioner": product.commissioner.slug if product.commissioner else "",
        "produced_on": product.produced_on.isoformat() if product.produced_on else "",
        "published_on": product.published_on.isoformat() if product.published_on else "",
        "duration_minutes": product.duration_minutes,
        "page_count": product.page_count,
        "licence": product.licence,
        "attribution": product.attribution,
        "reprint_allowed": product.reprint_allowed,
        "rebroadcast_allowed": product.rebroadcast_allowed,
        "state_funded": product.state_funded,
        "funding_programme": product.funding_programme,
        "last_published_at": product.last_published_at.isoformat() if product.last_published_at else "",
    }


def row(product, request):
    """A product as an export row: :func:`record` with the description (the stored rich text) and
    the embargo's day, in the order of :data:`COLUMNS`. Public products only are exported, so the
    embargo is empty or past; it is there so that an exported file imports back unchanged."""
    values = record(product, request)
    values["description"] = product.description or ""
    values["embargo_until"] = product.embargo_until.isoformat() if product.embargo_until else ""
    return {column: values[column] for column in COLUMNS}


def _rows(products, request):
    for product in with_export_relations(products).iterator(chunk_size=BATCH):
        yield row(product, request)


def _flat(value):
    if isinstance(value, list):
        return ";".join(value)
    if value is None:
        return ""
    return value


def as_csv(products, request, filename):
    def lines():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(COLUMNS)
        yield "\ufeff" + buffer.getvalue()
        for row in _rows(products, request):
            buffer.seek(0)
            buffer.truncate()
            writer.writerow(spreadsheets.csv_row([_flat(row[column]) for column in COLUMNS]))
            yield buffer.getvalue()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def as_xlsx(products, request, filename):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("products")
    sheet.append(COLUMNS)
    for row in _rows(products, request):
        sheet.append(spreadsheets.xlsx_row(sheet, [_flat(row[column]) for column in COLUMNS]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def as_json(products, request, filename):
    def chunks():
        yield "["
        for number, row in enumerate(_rows(products, request)):
            yield ("," if number else "") + json.dumps(row, ensure_ascii=False)
        yield "]"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return response


FORMATS = {"csv": as_csv, "xlsx": as_xlsx, "json": as_json}
