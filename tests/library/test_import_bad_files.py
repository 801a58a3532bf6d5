"""Hostile and broken import files: each gets a short, exact report by row and column saying what
was wrong and what is accepted, in the editor's language; the check and the commit apply the same
validation, so a file that passes the check is written whole; identifiers are the site's to issue;
descriptions keep only what the editor allows."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home.models import Organisation
from library import importer
from library.models import IdentifierSequence, ImportBatch, ProductPage
from tests.accounts import sign_in
from tests.factories import library

pytestmark = pytest.mark.django_db

HEADER = "identifier,title,product_type,description,duration_minutes,attribution\n"


def vi():
    return Locale.objects.get(language_code="vi")


def csv_rows(text):
    return importer.read_rows("products.csv", text.encode())


def xlsx(*rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def problems(report):
    return {(p.row, p.column): p.message for p in report.problems}


def both_steps(rows, **kwargs):
    """The check's report and the commit's, which must agree; the commit leaves nothing behind
    when there is a problem."""
    before = ProductPage.objects.count()
    checked, _plans = importer.check(rows, vi(), **kwargs)
    committed = importer.commit(rows, vi(), **kwargs)
    assert [vars(p) for p in checked.problems] == [vars(p) for p in committed.problems]
    assert ProductPage.objects.count() == before + (len(committed.created) if committed.ok else 0)
    return committed


def editor(slug="bao-an-giang", language="vi"):
    organisation = Organisation.objects.get(locale__language_code="vi", slug=slug)
    user = get_user_model().objects.create_user(f"editor-{slug}-{language}", f"{slug}@example.org", "x" * 20)
    user.groups.add(Group.objects.get(team__organisation_key=organisation.translation_key))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


# The findings ------------------------------------------------------------------------------------


def test_a_cell_over_the_csv_field_limit_is_reported_with_its_row(seeded):
    text = HEADER + ",Ngắn,video,,,\n" + ",Dài,video," + "x" * 140_000 + ",,\n"
    with translation.override("en"), pytest.raises(importer.ImportFileError) as refused:
        csv_rows(text)
    assert str(refused.value) == "Row 3: a cell is longer than 32,767 characters, the most a cell may hold."


def test_a_cell_longer_than_a_spreadsheet_cell_is_a_row_problem(seeded):
    with translation.override("en"):
        report = both_steps(csv_rows(HEADER + ",Dài,video," + "x" * 40_000 + ",,\n"))
    assert problems(report) == {
        (2, "description"): "Longer than 32,767 characters, the most a cell may hold."
    }


@pytest.mark.parametrize("value", ["1e400", "inf", "nan", "-5", "12.5", "1e3", "0x10", "²", "12 phút"])
def test_a_number_that_is_not_a_whole_number_is_a_row_problem(seeded, value):
    with translation.override("en"):
        report = both_steps(csv_rows(HEADER + f",Số,video,,{value},\n"))
    assert problems(report) == {
        (
            2,
            "duration_minutes",
        ): f"“{value}” is not a whole number. Accepted: a whole number from 0 to 2147483647."
    }


def test_a_number_beyond_what_the_database_stores_is_a_row_problem(seeded):
    with translation.override("en"):
        report = both_steps(csv_rows(HEADER + ",Số,video,,2147483648,\n"))
    assert problems(report)[(2, "duration_minutes")].startswith("“2147483648” is too large.")
    assert both_steps(csv_rows(HEADER + ",Số lớn,video,,2147483647,\n")).ok  # the largest stored


@pytest.mark.parametrize("column", ["title", "description", "attribution", "identifier"])
def test_a_nul_in_a_cell_fails_the_check_not_the_commit(seeded, column):
    cells = {"identifier": "", "title": "Có NUL", "description": "", "attribution": ""}
    cells[column] = "a\x00b"
    line = f"{cells['identifier']},{cells['title']},video,{cells['description']},,{cells['attribution']}\n"
    with translation.override("en"):
        report = both_steps(csv_rows(HEADER + line))
    assert problems(report) == {(2, column): "Contains a control character (U+0000); remove it."}


def test_an_xlsx_with_a_control_character_in_its_xml_is_refused_as_damaged(seeded):
    """XML cannot carry a NUL: a workbook whose sheet does is not a workbook."""
    source = zipfile.ZipFile(io.BytesIO(xlsx(["title", "product_type"], ["QQQQ", "video"])))
    patched = io.BytesIO()
    with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as package:
        for member in source.infolist():
            package.writestr(member, source.read(member.filename).replace(b"QQQQ", b"Q\x00Q"))
    with translation.override("en"), pytest.raises(importer.ImportFileError, match="cannot be opened"):
        importer.read_rows("p.xlsx", patched.getvalue())


def test_values_longer_than_their_field_fail_the_check_not_the_commit(seeded):
    line = ",{title},video,,,{attribution}\n"
    with translation.override("en"):
        report = both_steps(csv_rows(HEADER + line.format(title="T" * 256, attribution="A" * 256)))
    assert problems(report) == {
        (2, "title"): "Longer than 255 characters. Accepted: text of at most 255 characters.",
        (2, "attribution"): "Longer than 255 characters. Accepted: text of at most 255 characters.",
    }
    assert both_steps(csv_rows(HEADER + line.format(title="T" * 255, attribution="A" * 255))).ok


def test_ten_thousand_unknown_columns_get_a_short_message(seeded):
    header = "title,product_type," + ",".join(f"cot_{n}" for n in range(10_000))
    with translation.override("en"), pytest.raises(importer.ImportFileError) as refused:
        csv_rows(header + "\nA,video\n")
    message = str(refused.value)
    assert message.startswith("Unknown columns: “cot_0”, “cot_1”, “cot_2”, “cot_3”, “cot_4” and 9995 more.")
    assert "Accepted columns: identifier, title, description," in message and len(message) < 600


def test_a_column_named_twice_is_refused(seeded):
    with translation.override("en"), pytest.raises(importer.ImportFileError, match="more than once: title"):
        csv_rows("title,product_type,title\nA,video,B\n")


def test_an_xlsx_that_unpacks_to_more_than_the_limit_is_refused(seeded, monkeypatch):
    monkeypatch.setattr(importer, "MAX_UNPACKED_BYTES", 1024 * 1024)
    content = xlsx(["title", "product_type"], *[[f"Tiêu đề {'x' * 200} {n}", "video"] for n in range(6000)])
    with (
        translation.override("en"),
        pytest.raises(importer.ImportFileError, match="unpacks to more than 1 MB"),
    ):
        importer.read_rows("p.xlsx", content)


def test_a_damaged_xlsx_is_refused(seeded):
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
    with translation.override("en"), pytest.raises(importer.ImportFileError, match="cannot be opened"):
        importer.read_rows("p.xlsx", broken.getvalue())


def test_problems_are_in_the_editors_language(seeded):
    text = HEADER + ",Số,video,,1e400,\n"
    messages = {}
    for language in ("vi", "en", "km"):
        with translation.override(language):
            messages[language] = problems(importer.check(csv_rows(text), vi())[0])[(2, "duration_minutes")]
    assert len(set(messages.values())) == 3, messages
    assert "1e400" in messages["vi"] and "1e400" in messages["km"]


def test_the_admin_shows_the_report_in_the_editors_language(seeded):
    client = Client()
    sign_in(client, editor(language="en"))
    upload = SimpleUploadedFile("p.csv", (HEADER + ",Số,video,,1e400,\n").encode(), "text/csv")
    html = client.post("/admin/library/import/", {"file": upload, "language": "vi"}).content.decode()
    assert "“1e400” is not a whole number. Accepted: a whole number from 0 to 2147483647." in html
    assert "/commit/" not in html


def test_the_admin_shows_file_problems_as_a_form_error(seeded):
    client = Client()
    sign_in(client, editor(language="en"))
    upload = SimpleUploadedFile("p.csv", (HEADER + ",Dài,video," + "x" * 140_000 + ",,\n").encode())
    response = client.post("/admin/library/import/", {"file": upload, "language": "vi"})
    assert response.status_code == 200
    assert "Row 2: a cell is longer than 32,767 characters" in response.content.decode()
    assert not ImportBatch.objects.exists()


# Identifiers -------------------------------------------------------------------------------------


def test_an_identifier_the_site_has_not_issued_is_refused(seeded):
    sequence = IdentifierSequence.objects.get_or_create(prefix="AG", year=2026)[0]
    unissued = f"AG-2026-{sequence.last + 1:06d}"
    with translation.override("en"):
        report = both_steps(csv_rows(HEADER + f"{unissued},Giành mã,video,,,\n"))
    assert problems(report) == {
        (2, "identifier"): f"No product has the identifier {unissued}: identifiers are issued by the site. "
        "Accepted: empty for a new product; to update one, its identifier from the export, "
        "such as AG-2026-000123."
    }
    other = library.product(title="Của tổ chức khác", producer="dai-phat-thanh-truyen-hinh-an-giang")
    assert ProductPage.objects.filter(identifier=other.identifier).count() == 1


def test_an_identifier_only_in_another_language_is_refused(seeded):
    english = library.product(language="en", title="Only in English")
    with translation.override("en"):
        report = both_steps(csv_rows(HEADER + f"{english.identifier},Chỉ có tiếng Anh,video,,,\n"))
    assert problems(report) == {
        (2, "identifier"): f"Product {english.identifier} has no version in this language yet: "
        "translate it in the admin first."
    }


def test_an_editor_updates_only_products_they_may_edit(seeded):
    own = library.product(title="Của Báo An Giang", producer="bao-an-giang")
    other = library.product(title="Của Đài", producer="dai-phat-thanh-truyen-hinh-an-giang")
    user = editor()
    text = (
        HEADER
        + f"{own.identifier},Của Báo An Giang (sửa),video,,,\n{other.identifier},Sửa của Đài,video,,,\n"
    )
    with translation.override("en"):
        report = both_steps(csv_rows(text), user=user)
    assert problems(report) == {(3, "identifier"): "This product belongs to another organisation."}
    report = both_steps(csv_rows(HEADER + f"{own.identifier},Của Báo An Giang (sửa),video,,,\n"), user=user)
    assert report.ok and report.updated == [own.identifier]
    own = ProductPage.objects.get(pk=own.pk)
    assert own.live and own.title == "Của Báo An Giang", "an editor's update waits for review"
    assert own.get_latest_revision_as_object().title == "Của Báo An Giang (sửa)"


def test_an_editor_may_not_publish_an_update(seeded):
    own = library.product(title="Của Báo An Giang", producer="bao-an-giang")
    with translation.override("en"):
        report = both_steps(
            csv_rows(HEADER + f"{own.identifier},Sửa,video,,,\n"), user=editor(), publish=True
        )
    assert problems(report) == {
        (2, "identifier"): "You may not publish this product: import without publishing."
    }


def test_an_update_keeps_the_draft_changes_the_file_does_not_name(seeded):
    product = library.product(title="Bản gốc")
    draft = product.get_latest_revision_as_object()
    draft.convention_articles = "CRC art. 12"
    draft.save_revision()
    assert both_steps(csv_rows(HEADER + f"{product.identifier},Bản gốc (sửa),video,,,\n")).ok
    latest = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
    assert (latest.title, latest.convention_articles) == ("Bản gốc (sửa)", "CRC art. 12")


# Rich text ---------------------------------------------------------------------------------------

HOSTILE_HTML = (
    '<p>Mở đầu <b>đậm</b> <a href="https://example.org">liên kết</a></p>'
    '<script>alert(1)</script><img src="x" onerror="alert(2)">'
    '<iframe srcdoc="<script>alert(3)</script>"></iframe><p onclick="alert(4)">Đoạn</p>'
    '<a href="javascript:alert(5)">xấu</a>'
)


def test_imported_descriptions_keep_only_what_the_editor_allows(seeded):
    rows = importer.read_rows(
        "p.xlsx", xlsx(["title", "product_type", "description"], ["HTML", "video", HOSTILE_HTML])
    )
    with translation.override("en"):
        report = both_steps(rows)
    assert report.ok
    assert [(n.row, n.column) for n in report.notes] == [(2, "description")]
    assert report.notes[0].message == "Removed what a description may not hold: <iframe>, <img>, <script>."
    stored = ProductPage.objects.get(identifier=report.created[0]).get_latest_revision_as_object().description
    for forbidden in ("<script", "onerror", "<iframe", "srcdoc", "onclick", "javascript:"):
        assert forbidden not in stored, (forbidden, stored)
    assert "<b>đậm</b>" in stored and 'href="https://example.org"' in stored


def test_plain_text_descriptions_become_escaped_paragraphs(seeded):
    report = both_steps(csv_rows('title,product_type,description\nVăn bản,video,"A < B & C\nDòng hai"\n'))
    stored = ProductPage.objects.get(identifier=report.created[0]).get_latest_revision_as_object().description
    assert stored == "<p>A &lt; B &amp; C</p><p>Dòng hai</p>"
