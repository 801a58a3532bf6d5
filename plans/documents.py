"""The provincial report as a document in the official layout, exported as DOCX and PDF.

The layout follows Vietnamese administrative documents (Decree 30/2020/NĐ-CP): the issuing body
and the number on the left, the national name (Quốc hiệu) and motto (Tiêu ngữ) with the place and
date on the right, the document's kind and subject centred, numbered sections, recipients (Nơi
nhận) and the signature block. The body is in Vietnamese; the English and Khmer summaries follow.

Both formats are drawn from one list of parts (:func:`parts`), so they say the same thing. PDF text
is set in the site's own Noto Sans fonts (:mod:`plans.pdf_fonts`), shaped with HarfBuzz so Khmer
reads correctly.
"""

import io
from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .measures import value_label

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def document_date(place, day):
    """``An Giang, ngày 05 tháng 12 năm 2026``: days below 10 and months 1 and 2 take a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return _("%(place)s, day %(day)s month %(month)s year %(year)s") % {
        "place": place,
        "day": f"{day.day:02d}",
        "month": month,
        "year": day.year,
    }


def issuer_lines(issuing_body):
    """``Ủy ban nhân dân tỉnh An Giang`` → ``["ỦY BAN NHÂN DÂN", "TỈNH AN GIANG"]``."""
    text = issuing_body.upper()
    for word in (" TỈNH ", " THÀNH PHỐ "):
        if word in text:
            head, tail = text.split(word, 1)
            return [head, word.strip() + " " + tail]
    return [text]


def _yes_no(met):
    if met is None:
        return "—"
    return pgettext("target", "Met") if met else pgettext("target", "Not met")


def parts(report):
    """The report as ``[(kind, content)]``: header, title, heading, paragraph, table, signature."""
    snap = report.snapshot
    plan = snap["plan"]
    kind_label = report.get_kind_display()
    items = []
    with translation.override("vi"):
        items.append(
            (
                "header",
                {
                    "issuer": issuer_lines(plan["issuing_body"]),
                    "number": _("No. %(number)s") % {"number": report.number or "……"},
                    "nation": _("SOCIALIST REPUBLIC OF VIET NAM"),
                    "motto": _("Independence - Freedom - Happiness"),
                    "date": document_date(report.place, report.signed_on),
                },
            )
        )
        issued = date.fromisoformat(plan["issued_on"])
        items.append(("title", pgettext("document kind", "REPORT")))
        subject = _("Results of carrying out Plan No. %(number)s of %(date)s (%(title)s) in %(years)s") % {
            "number": plan["number"] or "……",
            "date": issued.strftime("%d/%m/%Y"),
            "title": plan["title"],
            "years": "–".join(dict.fromkeys([snap["years"][0], snap["years"][-1]])),
        }
        if report.kind != "annual":
            subject = f"{kind_label}: {subject}"
        items.append(("subtitle", subject))
        section = iter(ROMAN)
        items.append(_section(next(section), _("RESULTS AGAINST THE PLAN’S TARGETS")))
        for year in snap["years"]:
            if len(snap["years"]) > 1:
                items.append(("subheading", _("Year %(year)s") % {"year": year}))
            rows = [
                [
                    snap["targets"].get(figure["code"], {}).get("wording", figure["code"]),
                    figure["threshold"],
                    _value(figure),
                    _yes_no(figure["met"]),
                ]
                for figure in snap["figures"][year]
            ]
            items.append(
                ("table", ([pgettext("plan", "Target"), _("Threshold"), _("Result"), _("Assessment")], rows))
            )
        items.append(_section(next(section), _("ACTIVITIES")))
        labels = [
            ("trainings", _("Trainings held")),
            ("invited", _("People invited to trainings")),
            ("attended", _("People who attended")),
            ("first_time", _("Of whom trained for the first time")),
            ("briefings", _("Press briefings")),
            ("statements", _("Spokesperson's statements")),
            ("events", _("Events")),
            ("quiz_answers", _("Quiz answers received")),
        ]
        columns = [_("Activity")] + list(snap["years"])
        rows = [[label] + [str(snap["activities"][y][key]) for y in snap["years"]] for key, label in labels]
        items.append(("table", (columns, rows)))
        items.append(_section(next(section), _("CONTRIBUTIONS OF THE AGENCIES")))
        if not snap["contributions"]:
            items.append(("paragraph", _("No agency has submitted a contribution.")))
        for row in snap["contributions"]:
            title = row["agency"] if len(snap["years"]) == 1 else f"{row['agency']} ({row['year']})"
            items.append(("subheading", title))
            for key, label in (
                ("activities", _("What the agency did")),
                ("results", _("Results against the plan's targets")),
                ("difficulties", _("Difficulties")),
                ("proposals", _("Proposals")),
            ):
                if row[key]:
                    items.append(("labelled", (label, row[key])))
        if snap["missing"]:
            items.append(
                (
                    "paragraph",
                    _("Not yet submitted: %(agencies)s.") % {"agencies": ", ".join(snap["missing"])},
                )
            )
        items.append(_section(next(section), _("OVERALL ASSESSMENT")))
        items.extend(("paragraph", text) for text in report.assessment.splitlines() if text.strip())
        if report.proposals.strip():
            items.append(_section(next(section), _("PROPOSALS")))
            items.extend(("paragraph", text) for text in report.proposals.splitlines() if text.strip())
    for language, text in (("en", report.summary_en), ("km", report.summary_km)):
        with translation.override(language):
            items.append(("heading", _("Summary (%(language)s)") % {"language": _language_name(language)}))
            items.extend(("paragraph", line) for line in text.splitlines() if line.strip())
            rows = [
                [
                    snap["targets"].get(f["code"], {}).get(language, f["code"]),
                    f["threshold"],
                    _value(f),
                    _yes_no(f["met"]),
                ]
                for f in snap["figures"][snap["years"][-1]]
            ]
            items.append(
                ("table", ([pgettext("plan", "Target"), _("Threshold"), _("Result"), _("Assessment")], rows))
            )
    with translation.override("vi"):
        items.append(
            (
                "signature",
                {
                    "recipients_label": _("Recipients:"),
                    "recipients": [line for line in report.recipients.splitlines() if line.strip()],
                    "role": [
                        line.strip()
                        for line in report.signatory_role.replace("/", "\n").splitlines()
                        if line.strip()
                    ],
                    "name": report.signatory_name,
                },
            )
        )
    return items


def _value(figure):
    return value_label(figure["is_share"], figure["part"], figure["whole"], figure["value"])


def _section(number, title):
    return ("heading", f"{number}. {title}")


def _language_name(code):
    return {"en": _("English"), "km": _("Khmer")}[code]


# DOCX ----------------------------------------------------------------------------------------------


def docx(report):
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    def paragraph(cell_or_doc, text, *, bold=False, italic=False, underline=False, align=None, size=None):
        p = cell_or_doc.add_paragraph()
        run = p.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        if size:
            run.font.size = Pt(size)
        if align is not None:
            p.alignment = align
        return p

    center = WD_ALIGN_PARAGRAPH.CENTER
    for kind, content in parts(report):
        if kind == "header":
            table = document.add_table(rows=1, cols=2)
            left, right = table.rows[0].cells
            left.paragraphs[0].text = ""
            for index, line in enumerate(content["issuer"]):
                paragraph(left, line, bold=index == len(content["issuer"]) - 1, align=center, size=12)
            paragraph(left, content["number"], align=center)
            paragraph(right, content["nation"], bold=True, align=center, size=12)
            paragraph(right, content["motto"], bold=True, underline=True, align=center)
            paragraph(right, content["date"], italic=True, align=center)
        elif kind == "title":
            paragraph(document, content, bold=True, align=center, size=14)
        elif kind == "subtitle":
            paragraph(document, content, bold=True, align=center)
        elif kind == "heading":
            paragraph(document, content, bold=True)
        elif kind == "subheading":
            paragraph(document, content, bold=True, italic=True)
        elif kind == "paragraph":
            p = paragraph(document, content)
            p.paragraph_format.first_line_indent = Cm(1)
        elif kind == "labelled":
            label, text = content
            p = document.add_paragraph()
            p.add_run(f"{label}: ").italic = True
            p.add_run(text)
        elif kind == "table":
            columns, rows = content
            table = document.add_table(rows=1, cols=len(columns))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for cell, text in zip(table.rows[0].cells, columns, strict=True):
                cell.text = ""
                cell.paragraphs[0].add_run(str(text)).bold = True
            for row in rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = str(text)
        elif kind == "signature":
            table = document.add_table(rows=1, cols=2)
            left, right = table.rows[0].cells
            left.paragraphs[0].add_run(content["recipients_label"]).bold = True
            for line in content["recipients"]:
                paragraph(left, f"- {line}", size=11)
            for line in content["role"]:
                paragraph(right, line, bold=True, align=center)
            paragraph(right, "")
            paragraph(right, content["name"], bold=True, align=center)
    buffer = io.BytesIO()
    document.core_properties.title = _pdf_title(report)
    document.core_properties.language = "vi-VN"
    document.save(buffer)
    return buffer.getvalue()


# PDF -----------------------------------------------------------------------------------------------


def _pdf_title(report):
    with translation.override("vi"):
        return f"{pgettext('document kind', 'REPORT')} {report.get_kind_display()} {report.year}"


def pdf(report):
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    from . import pdf_fonts

    document = FPDF(format="A4")
    document.set_margins(30, 20, 20)
    document.set_auto_page_break(True, margin=20)
    pdf_fonts.install(document)
    document.set_title(_pdf_title(report))
    document.set_lang("vi-VN")
    document.add_page()
    width = document.epw

    def text(content, *, style="", size=12, align="L", indent=0, height=6.5):
        document.set_font(pdf_fonts.FAMILY, style, size)
        document.set_x(document.l_margin + indent)
        document.multi_cell(width - indent, height, content, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def keep_together(height):
        if document.get_y() + height > document.page_break_trigger:
            document.add_page()

    def column(x, w, lines, align="C"):
        top = document.get_y()
        for content, style, size in lines:
            document.set_font(pdf_fonts.FAMILY, style, size)
            document.set_x(x)
            document.multi_cell(w, 6, content, align=align, new_x=XPos.LEFT, new_y=YPos.NEXT)
        bottom = document.get_y()
        document.set_y(top)
        return bottom

    for kind, content in parts(report):
        if kind == "header":
            left_w = width * 0.42
            bottom_left = column(
                document.l_margin,
                left_w,
                [
                    (line, "B" if i == len(content["issuer"]) - 1 else "", 12)
                    for i, line in enumerate(content["issuer"])
                ]
                + [("———", "", 10), (content["number"], "", 12)],
            )
            bottom_right = column(
                document.l_margin + left_w,
                width - left_w,
                [
                    (content["nation"], "B", 12),
                    (content["motto"], "BU", 12),
                    ("", "", 6),
                    (content["date"], "I", 12),
                ],
            )
            document.set_y(max(bottom_left, bottom_right) + 6)
        elif kind == "title":
            text(content, style="B", size=14, align="C")
        elif kind == "subtitle":
            text(content, style="B", align="C")
            document.ln(3)
        elif kind == "heading":
            document.ln(2)
            text(content, style="B")
        elif kind == "subheading":
            text(content, style="BI")
        elif kind == "paragraph":
            text(content, indent=10, align="J")
        elif kind == "labelled":
            label, body = content
            text(f"{label}: {body}", align="J")
        elif kind == "table":
            columns, rows = content
            document.set_font(pdf_fonts.FAMILY, "", 10)
            widths = (
                (50, 15, 20, 15)
                if len(columns) == 4
                else (40,) + (60 / (len(columns) - 1),) * (len(columns) - 1)
            )
            with document.table(
                col_widths=widths, text_align="LEFT", line_height=5.5, first_row_as_headings=True
            ) as table:
                for values in [columns, *rows]:
                    row = table.row()
                    for value in values:
                        row.cell(str(value))
            document.ln(2)
        elif kind == "signature":
            document.ln(6)
            keep_together(6 * max(len(content["recipients"]) + 1, len(content["role"]) + 3) + 6)
            left_w = width * 0.45
            bottom_left = column(
                document.l_margin,
                left_w,
                [(content["recipients_label"], "BI", 11)]
                + [(f"- {line}", "", 10) for line in content["recipients"]],
                align="L",
            )
            bottom_right = column(
                document.l_margin + left_w,
                width - left_w,
                [(line, "B", 12) for line in content["role"]]
                + [("", "", 12), ("", "", 12), (content["name"], "B", 12)],
            )
            document.set_y(max(bottom_left, bottom_right))
    return bytes(document.output())
