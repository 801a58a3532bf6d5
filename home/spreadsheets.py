"""Spreadsheet cells that stay data (OWASP's rule against CSV and formula injection).

Excel, LibreOffice and Google Sheets read a cell that begins with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return as a formula when they open a CSV file, and openpyxl stores a string
beginning with ``=`` as a formula. A title such as ``=HYPERLINK("http://evil", "Báo cáo")`` would
then run in an editor's spreadsheet. Every CSV and XLSX file the site writes goes through
:func:`neutral`, which puts an apostrophe before such a cell, as OWASP recommends; XLSX cells are
also written with the string type, so that nothing is ever stored as a formula. The library
import removes that apostrophe again (:func:`restored`), so an exported file imports back as it
was.
"""

#: What a cell may not begin with (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(value):
    """``value`` with an apostrophe before it if it is text that a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def restored(value):
    """The text :func:`neutral` was given (for importing an exported file)."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def csv_row(values):
    """A row for ``csv.writer``: every text cell neutralised."""
    return [neutral(value) for value in values]


def xlsx_row(sheet, values):
    """Cells for ``sheet.append`` in an openpyxl write-only workbook: text neutralised and typed as
    a string (never a formula); characters XML cannot hold shown as U+FFFD."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cells = []
    for value in values:
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", neutral(value))
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"
        cells.append(cell)
    return cells


class NeutralSpreadsheetExportMixin:
    """For Wagtail report views with CSV/XLSX export: every exported value neutralised (Wagtail
    keeps XLSX cells from becoming formulas but writes CSV cells as they are)."""

    def preprocess_field_value(self, field, value, export_format):
        value = neutral(super().preprocess_field_value(field, value, export_format))
        if isinstance(value, str) and export_format == "xlsx":
            from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

            value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        return value
