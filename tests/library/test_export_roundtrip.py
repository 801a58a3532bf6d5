"""Exports carry every column the import reads (one list, ``library.columns``), so an exported CSV or
XLSX file imports back without a problem and without changing a product; exports answer
conditional GET (ETag and Last-Modified, 304 on a match) and HEAD."""

import csv
import io
import json
import re
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from django.conf import settings
from django.utils import timezone

from wagtail.models import Locale

from home.models import Organisation, PageProvince, Province
from library import columns, export, importer
from library.models import ProductPage, public_products
from tests.factories import library

pytestmark = pytest.mark.django_db

EXPORT = "/vi/library/export/{fmt}/"
PROVINCES = ("an-giang", "an-giang-cu", "ha-giang")
DOCS = Path(settings.BASE_DIR) / "docs" / "LIBRARY.md"


def vi():
    return Locale.objects.get(language_code="vi")


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def _csv_rows(content):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _xlsx_rows(content):
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return [["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)]


def _section(title):
    text = DOCS.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def _listed_columns(section, before):
    """The comma-separated column names in backticks that the docs give after ``before``."""
    listed = section[section.index(before) :]
    match = re.search(r"\(`([a-z_,\s]+)`", listed)
    assert match, f"no column list after {before!r}"
    return [name.strip() for name in match.group(1).split(",")]


# One column list -------------------------------------------------------------------------------


def test_export_and_import_take_their_columns_from_one_list():
    assert export.COLUMNS == columns.COLUMNS
    assert importer.COLUMN_ORDER == columns.IMPORTED
    assert set(columns.COLUMNS) == importer.KNOWN | importer.IGNORED
    assert not importer.KNOWN & importer.IGNORED
    assert len(set(columns.COLUMNS)) == len(columns.COLUMNS)
    assert set(importer.ACCEPTED) == importer.KNOWN  # each read column says what it accepts


def test_every_export_format_has_every_column_the_import_reads(client, seeded):
    csv_header = _csv_rows(_body(client.get(EXPORT.format(fmt="csv"))))[0]
    xlsx_header = _xlsx_rows(client.get(EXPORT.format(fmt="xlsx")).content)[0]
    items = json.loads(_body(client.get(EXPORT.format(fmt="json"))))
    assert items
    assert csv_header == xlsx_header == columns.COLUMNS
    assert all(list(item) == columns.COLUMNS for item in items)
    assert set(importer.COLUMN_ORDER) <= set(csv_header)


def test_the_docs_list_the_columns_of_the_one_list():
    exported = _listed_columns(_section("Exports and formulas"), "columns")
    assert exported == columns.COLUMNS
    imported = _listed_columns(_section("Editors: bulk import"), "with the export's columns")
    assert imported == columns.IMPORTED
    assert set(imported) <= set(exported)  # "import takes the export's columns"


def test_the_partner_api_record_is_unchanged(client, seeded):
    item = client.get("/api/v1/products/?lang=vi").json()["results"][0]
    assert "embargo_until" not in item and "last_published_at" not in item
    assert isinstance(item["description"], str) and "<" not in item["description"]


# Round trip ------------------------------------------------------------------------------------


def _snapshot():
    """Every imported field of the Vietnamese public products, read from the models (not from the
    export's own code), by identifier."""
    products = public_products(ProductPage.objects.filter(locale=vi())).select_related(
        "product_type", "producer", "commissioner"
    )
    return {
        product.identifier: {
            "title": product.title,
            "description": product.description,
            "product_type": product.product_type.code,
            "channels": sorted(product.channels.values_list("code", flat=True)),
            "content_languages": sorted(product.languages.values_list("code", flat=True)),
            "conventions": sorted(product.conventions.values_list("code", flat=True)),
            "convention_articles": product.convention_articles,
            "provinces": sorted(product.province_tags.values_list("province__slug", flat=True)),
            "producer": product.producer_id,
            "commissioner": product.commissioner_id,
            "produced_on": product.produced_on,
            "published_on": product.published_on,
            "duration_minutes": product.duration_minutes,
            "page_count": product.page_count,
            "licence": product.licence,
            "attribution": product.attribution,
            "reprint_allowed": product.reprint_allowed,
            "rebroadcast_allowed": product.rebroadcast_allowed,
            "embargo_until": product.embargo_until,
            "state_funded": product.state_funded,
            "funding_programme": product.funding_programme,
        }
        for product in products
    }


@pytest.fixture
def varied(seeded):
    """Products with what a round trip could lose: rich text with a line break, a past embargo, a
    title a spreadsheet would run as a formula, several terms."""
    past = timezone.localdate() - timedelta(days=3)
    rich = library.product(
        title="Bản tin đã hết cấm vận",
        embargo_until=past,
        conventions=("CRC", "CEDAW"),
        channels=("radio",),
        languages=("vie", "khm"),
        published_on=date(2026, 1, 5),
        description='<p>Dòng <b>một</b> và <a href="https://example.org/?a=1&amp;b=2">liên kết</a>.</p>\n'
        "<ul><li>mục một</li><li>mục hai</li></ul>",
    )
    organisations = list(Organisation.objects.filter(locale=vi()).order_by("pk"))
    rich.commissioner = organisations[-1]
    rich.convention_articles = "Điều 12; Điều 19"
    rich.duration_minutes, rich.page_count = 0, 48
    rich.licence, rich.attribution = "CC0-1.0", "Nhóm biên tập"
    rich.reprint_allowed, rich.rebroadcast_allowed, rich.state_funded = False, False, False
    rich.funding_programme = "-Chương trình 2026"  # begins like a formula too
    rich.province_tags.set(
        [PageProvince(province=p) for p in Province.objects.filter(locale=vi(), slug__in=PROVINCES)]
    )
    rich.save_revision().publish()
    formula = library.product(title='=HYPERLINK("http://evil.example","x")', description="", producer="")
    return [ProductPage.objects.get(pk=rich.pk), formula]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged(client, varied, fmt):
    before = _snapshot()
    assert len(before) > len(varied)
    rich = before[varied[0].identifier]
    assert rich["embargo_until"] is not None and "\n" in rich["description"]
    assert rich["commissioner"] and sorted(rich["provinces"]) == sorted(PROVINCES)
    response = client.get(EXPORT.format(fmt=fmt))
    assert response.status_code == 200
    content = _body(response)
    table = _csv_rows(content) if fmt == "csv" else _xlsx_rows(content)
    assert sorted(str(row[0]) for row in table[1:]) == sorted(before)

    rows = importer.read_rows(f"library-vi.{fmt}", content)
    report, _plans = importer.check(rows, vi(), publish=True)
    assert report.ok, report.problems
    assert not report.notes and not report.warnings
    assert (report.to_create, report.to_update) == (0, len(before))

    report = importer.commit(rows, vi(), publish=True)
    assert report.ok, report.problems
    assert not report.created and sorted(report.updated) == sorted(before)
    assert _snapshot() == before


def test_a_re_export_after_the_round_trip_is_the_same_file(client, varied):
    first = _csv_rows(_body(client.get(EXPORT.format(fmt="csv"))))
    report = importer.commit(importer.read_rows("library-vi.csv", _csv_bytes(first)), vi(), publish=True)
    assert report.ok, report.problems
    again = _csv_rows(_body(client.get(EXPORT.format(fmt="csv"))))
    changing = columns.COLUMNS.index("last_published_at")
    assert [row[:changing] + row[changing + 1 :] for row in again] == [
        row[:changing] + row[changing + 1 :] for row in first
    ]


def _csv_bytes(table):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(table)
    return buffer.getvalue().encode()


# Conditional GET and HEAD ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_an_export_answers_304_to_its_own_validators_and_head(client, seeded, fmt):
    path = EXPORT.format(fmt=fmt) + "?convention=crc"
    first = client.get(path)
    assert first.status_code == 200 and _body(first)
    modified, tag = first["Last-Modified"], first["ETag"]

    again = client.get(path, HTTP_IF_MODIFIED_SINCE=modified)
    assert again.status_code == 304 and _body(again) == b""
    assert client.get(path, HTTP_IF_NONE_MATCH=tag).status_code == 304
    assert client.get(path, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200

    head = client.head(path)
    assert head.status_code == 200 and _body(head) == b""
    assert head["Last-Modified"] == modified and head["Content-Type"] == first["Content-Type"]
    assert client.head(path, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304

    assert client.post(path).status_code == 405
    assert client.get(EXPORT.format(fmt="pdf"), HTTP_IF_NONE_MATCH=tag).status_code == 404


def test_a_product_that_leaves_the_export_changes_its_validators(client, seeded):
    gone = library.product(title="Sẽ bị gỡ", conventions=("CRC",), published_on=date(2001, 1, 1))
    path = EXPORT.format(fmt="csv") + "?convention=crc"
    first = client.get(path)
    assert gone.identifier in _body(first).decode("utf-8-sig")
    time.sleep(1.05)  # Last-Modified counts whole seconds
    gone.unpublish()
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    fresh = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert fresh.status_code == 200
    assert gone.identifier not in _body(fresh).decode("utf-8-sig")
