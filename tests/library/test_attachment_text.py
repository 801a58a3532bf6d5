"""The text of the PDF, DOCX, XLSX and text files attached to library products is read in a child
process and offered to the search index; a file that cannot be read is recorded with the reason,
shown to the editor, and never stops a product from being saved or published."""

import hashlib
import io
import json
import time
import zlib

import docx
import openpyxl
import pytest

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import override_settings

from wagtail.users.models import UserProfile

from home.models import CustomDocument
from library import attachment_text
from library.models import AttachmentText, ProductPage
from tests.accounts import sign_in
from tests.factories import library

pytestmark = pytest.mark.django_db

VIETNAMESE = "Quyền trẻ em được bảo vệ và chăm sóc"
KHMER = "សិទ្ធិមនុស្ស និងសិទ្ធិកុមារ"
ENGLISH = "Human rights for everyone"


# -- Files made by hand ----------------------------------------------------------------------------


def pdf_bytes(pages, *, encrypt=False, heavy=None):
    """A PDF whose pages show ``pages`` (a list of lists of lines) in a Type0 font with Identity-H
    encoding and a ToUnicode CMap: pdfium reads back exactly these characters. ``heavy``: extra
    content (compressed) every page also has to parse. ``encrypt``: a standard security handler
    whose password is not empty (and is unknown), as a protected PDF has."""
    chars = sorted({char for lines in pages for line in lines for char in line})
    cid = {char: number + 1 for number, char in enumerate(chars)}
    mapping = "\n".join(f"<{cid[char]:04X}> <{char.encode('utf-16-be').hex().upper()}>" for char in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{mapping}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode()

    def stream(data, compress=False):
        if compress:
            data = zlib.compress(data, 9)
            return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        4: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 600 /CIDToGIDMap /Identity >>",
        5: stream(cmap),
        6: b"<< /Type /FontDescriptor /FontName /Test /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
        b"/Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
    }
    if heavy:
        objects[7] = stream(heavy, compress=True)
    kids = []
    for number, lines in enumerate(pages):
        page, content = 10 + 2 * number, 11 + 2 * number
        shown = " ".join("<{}> Tj T*".format("".join(f"{cid[c]:04X}" for c in line)) for line in lines)
        objects[content] = stream(f"BT /F1 12 Tf 14 TL 72 760 Td {shown} ET".encode())
        contents = b"[%d 0 R 7 0 R]" % content if heavy else b"%d 0 R" % content
        objects[page] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents " + contents + b" >>"
        )
        kids.append(b"%d 0 R" % page)
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    trailer = b""
    if encrypt:
        objects[8] = b"<< /Filter /Standard /V 1 /R 2 /Length 40 /O <%s> /U <%s> /P -4 >>" % (
            b"1F" * 32,
            b"2E" * 32,
        )
        trailer = b" /Encrypt 8 0 R /ID [<%s> <%s>]" % (b"3D" * 16, b"3D" * 16)
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (size, trailer, xref)
    return bytes(out)


def docx_bytes():
    document = docx.Document()
    document.add_heading("Báo cáo quyền con người", level=1)
    document.add_paragraph(VIETNAMESE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Tỉnh"
    table.cell(0, 1).text = "ខេត្ត"
    table.cell(1, 0).merge(table.cell(1, 1)).text = KHMER  # a merged cell is read once
    document.add_paragraph(ENGLISH)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Tỉnh", "Sản phẩm", "Số lượng"])
    sheet.append(["An Giang", VIETNAMESE, 12])
    second = workbook.create_sheet("Khmer")
    second.append([KHMER, None, 1.5])
    second.append([ENGLISH])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def document(name, content, *, title=None):
    """A document saved as the admin saves it; the extraction the save asks for runs at commit."""
    new = CustomDocument(title=title or name)
    new.file.save(name, ContentFile(content), save=False)
    new.save()
    return new


@pytest.fixture
def saved(django_capture_on_commit_callbacks):
    """Save documents and run what their commit starts (the immediate task backend reads them)."""

    def save(name, content, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            made = document(name, content, **kwargs)
        return made

    return save


def state(doc):
    return AttachmentText.objects.get(document=doc)


def with_attachments(product, *documents, publish=True):
    product.attachments = [("document", doc) for doc in documents]
    revision = product.save_revision()
    if publish:
        revision.publish()
    return ProductPage.objects.get(pk=product.pk)


# -- Reading each kind of file ---------------------------------------------------------------------


def test_pdf_text_in_vietnamese_and_khmer_is_extracted(saved, seeded):
    doc = saved("quyen-tre-em.pdf", pdf_bytes([[VIETNAMESE, KHMER], [ENGLISH]]))
    row = state(doc)
    assert row.status == AttachmentText.Status.DONE and row.reason == ""
    assert row.text == f"{VIETNAMESE}\n{KHMER}\n{ENGLISH}"
    assert row.characters == len(row.text) and row.extracted_at is not None
    assert row.file_hash == hashlib.sha1(doc.file.open("rb").read(), usedforsecurity=False).hexdigest()


def test_docx_paragraphs_and_table_cells_are_extracted(saved, seeded):
    row = state(saved("bao-cao.docx", docx_bytes()))
    assert row.status == AttachmentText.Status.DONE
    assert row.text == f"Báo cáo quyền con người\n{VIETNAMESE}\nTỉnh\nខេត្ត\n{KHMER}\n{ENGLISH}"


def test_xlsx_cell_values_of_every_sheet_are_extracted(saved, seeded):
    row = state(saved("so-lieu.xlsx", xlsx_bytes()))
    assert row.status == AttachmentText.Status.DONE
    assert row.text == f"Tỉnh Sản phẩm Số lượng\nAn Giang {VIETNAMESE} 12\n{KHMER} 1.5\n{ENGLISH}"


def test_plain_text_is_normalised(saved, seeded):
    decomposed = "Quye\u0302\u0300n  con\tngười\x07\x1b\r\n\r\n\u00a0" + KHMER + "\ufeff\n"
    row = state(saved("ghi-chu.txt", ("\ufeff" + decomposed).encode("utf-8")))
    assert row.status == AttachmentText.Status.DONE
    assert row.text == f"Quyền con người\n{KHMER}"  # NFC, no controls, spaces and blank lines run together


def test_the_type_is_told_by_the_content_not_the_name(saved, seeded):
    assert state(saved("ban-tin.zip", docx_bytes())).text.endswith(ENGLISH)
    assert state(saved("ghi-chu.txt", pdf_bytes([[KHMER]]))).text == KHMER
    looks_like_pdf = state(saved("gia-mao.pdf", b"PK\x03\x04 not a zip at all" * 20))
    assert (looks_like_pdf.status, looks_like_pdf.reason) == ("failed", "unreadable")


# -- Files that cannot be read ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "status", "reason"),
    [
        ("hong.pdf", b"%PDF-1.4 not really a PDF", "failed", "unreadable"),
        ("mat-khau.pdf", pdf_bytes([[VIETNAMESE]], encrypt=True), "failed", "encrypted"),
        ("rac.pdf", bytes(range(256)) * 40, "failed", "unreadable"),
        (
            "mat-khau.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le"),
            "failed",
            "encrypted",
        ),
        ("am-thanh.mp3", b"ID3\x03\x00" + bytes(200), "unsupported", ""),
        ("la-tin.txt", "Quyền".encode("utf-16-be") * 50, "failed", "unreadable"),
    ],
)
def test_unreadable_files_are_recorded_and_the_product_still_publishes(
    saved, seeded, django_capture_on_commit_callbacks, name, content, status, reason
):
    doc = saved(name, content)
    row = state(doc)
    assert (row.status, row.reason, row.text, row.characters) == (status, reason, "", 0)
    with django_capture_on_commit_callbacks(execute=True):
        product = with_attachments(library.product(), doc)
    assert product.live and product.search_attachments() == []


@override_settings(LIBRARY_ATTACHMENT_TEXT={"MAX_BYTES": 2000})
def test_a_file_over_the_size_limit_is_skipped_without_being_read(saved, seeded, monkeypatch):
    monkeypatch.setattr(attachment_text, "run_child", lambda *args: pytest.fail("a child was started"))
    doc = saved("lon.txt", ("Quyền con người. " * 200).encode())
    row = state(doc)
    assert (row.status, row.reason, row.text) == ("skipped-too-large", "too_large", "")
    assert with_attachments(library.product(), doc).live


def test_a_file_that_takes_too_long_is_stopped(saved, seeded):
    # Every page parses four million graphics-state operators: over ten seconds in pdfium.
    slow = pdf_bytes([[VIETNAMESE]] * 40, heavy=b"q Q " * 2_000_000)
    assert len(slow) < 100_000
    started = time.monotonic()
    with override_settings(LIBRARY_ATTACHMENT_TEXT={"SECONDS": 1}):
        doc = saved("cham.pdf", slow)
    assert time.monotonic() - started < 6
    row = state(doc)
    assert (row.status, row.reason, row.text) == ("failed", "timeout", "")


def test_a_child_that_runs_out_of_memory_is_recorded(seeded, tmp_path):
    path = tmp_path / "tai-lieu.pdf"
    path.write_bytes(pdf_bytes([[VIETNAMESE]]))
    limits = {**attachment_text.DEFAULTS, "MEMORY_MB": 1}  # the child cannot even start
    assert attachment_text.run_child(str(path), "tai-lieu.pdf", limits)["reason"] in (
        "unreadable",
        "too_large",
    )
    assert (
        attachment_text.run_child(str(path), "tai-lieu.pdf", attachment_text.DEFAULTS)["text"] == VIETNAMESE
    )


def test_the_task_never_raises(saved, seeded, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("storage is on fire")

    monkeypatch.setattr(attachment_text, "read_document", explode)
    doc = saved("bat-ky.pdf", pdf_bytes([[VIETNAMESE]]))
    row = state(doc)
    assert (row.status, row.reason) == ("failed", "unreadable")


def test_a_missing_file_is_recorded(seeded, django_capture_on_commit_callbacks):
    doc = document("bien-mat.pdf", pdf_bytes([[VIETNAMESE]]))
    doc.file.storage.delete(doc.file.name)
    attachment_text.extract_attachment_text.call(doc.pk)
    assert (state(doc).status, state(doc).reason) == ("failed", "missing")


# -- Limits ----------------------------------------------------------------------------------------


@override_settings(LIBRARY_ATTACHMENT_TEXT={"MAX_PAGES": 1})
def test_only_the_first_pages_are_read(saved, seeded):
    row = state(saved("hai-trang.pdf", pdf_bytes([[VIETNAMESE], [KHMER]])))
    assert (row.status, row.reason, row.text) == ("done", "truncated", VIETNAMESE)


@override_settings(LIBRARY_ATTACHMENT_TEXT={"MAX_CHARACTERS": 300})
def test_only_the_first_characters_are_kept(saved, seeded):
    row = state(saved("dai.txt", (VIETNAMESE + " ").encode() * 100))
    assert (row.status, row.reason) == ("done", "truncated")
    assert 100 < row.characters <= 300 and row.text.startswith(VIETNAMESE) and not row.text.endswith(" ")


# -- For the search --------------------------------------------------------------------------------


def test_search_attachments_gives_the_texts_in_block_order_in_one_query(
    saved, seeded, django_assert_num_queries
):
    spreadsheet = saved("so-lieu.xlsx", xlsx_bytes(), title="Số liệu năm 2025")
    report = saved("bao-cao.pdf", pdf_bytes([[KHMER]]), title="")
    broken = saved("hong.pdf", b"%PDF-1.4 broken")
    product = with_attachments(library.product(), report, broken, spreadsheet, report)
    product = ProductPage.objects.get(pk=product.pk)
    with django_assert_num_queries(1):
        found = product.search_attachments()
    assert found == [("bao-cao.pdf", KHMER), ("Số liệu năm 2025", state(spreadsheet).text)]
    assert library.product().search_attachments() == []


def test_a_rebuild_reads_the_attachments_of_many_products_in_one_query(
    saved, seeded, django_assert_num_queries
):
    from search.sources import all_documents

    spreadsheet = saved("so-lieu.xlsx", xlsx_bytes(), title="Số liệu năm 2025")
    report = saved("bao-cao.pdf", pdf_bytes([[KHMER]]), title="")
    products = [
        with_attachments(library.product(), report),
        with_attachments(library.product(), spreadsheet, report),
        library.product(),
    ]
    products = list(ProductPage.objects.filter(pk__in=[p.pk for p in products]))
    with django_assert_num_queries(1):
        found = ProductPage.search_attachments_for(products)
    assert found == {product.pk: product.search_attachments() for product in products}
    assert sum(1 for texts in found.values() if texts) == 2

    rebuilt = {doc.object_id: doc for doc in all_documents() if doc.kind == "product"}
    for product in products:
        assert [tuple(pair) for pair in rebuilt[product.pk].attachments] == found[product.pk]


def test_a_finished_extraction_indexes_the_live_products_again(saved, seeded, monkeypatch):
    doc = saved("bao-cao.pdf", pdf_bytes([[VIETNAMESE]]))
    live = with_attachments(library.product(), doc)
    with_attachments(library.product(publish=False), doc, publish=False)  # a draft is not indexed
    other = library.product()
    indexed = []
    monkeypatch.setattr("search.indexing.schedule_update", lambda page: indexed.append(page.pk))
    assert [page.pk for page in attachment_text.products_attaching(doc.pk)] == [live.pk]
    doc.file.save("bao-cao-moi.pdf", ContentFile(pdf_bytes([[KHMER]])))  # its commit's task never runs
    attachment_text.extract_attachment_text.call(doc.pk)
    assert indexed == [live.pk] and other.pk not in indexed
    assert state(doc).text == KHMER


def test_deleting_a_document_takes_its_text_out_of_the_index(
    saved, seeded, django_capture_on_commit_callbacks
):
    from search import indexing
    from search.models import SearchDocument

    doc = saved("bao-cao.pdf", pdf_bytes([[VIETNAMESE]]))
    product = with_attachments(library.product(), doc)
    indexing.update(product)
    row = SearchDocument.objects.get(kind="product", object_id=product.pk)
    assert [text for _name, text in row.attachments] == [VIETNAMESE]
    with django_capture_on_commit_callbacks(execute=True):
        doc.delete()
    row.refresh_from_db()
    assert row.attachments in ([], None)


# -- Replacing, saving again, publishing ------------------------------------------------------------


def test_replacing_the_file_extracts_it_again(saved, seeded, django_capture_on_commit_callbacks):
    doc = saved("ban-dau.pdf", pdf_bytes([[VIETNAMESE]]))
    assert state(doc).text == VIETNAMESE
    new = pdf_bytes([[KHMER]])
    with django_capture_on_commit_callbacks(execute=True):
        doc.file.save("thay-the.pdf", ContentFile(new), save=False)
        doc.save()  # Wagtail's file_hash left as it was: the bytes decide
    assert state(doc).text == KHMER
    newer = docx_bytes()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        doc.file.save("thay-the.docx", ContentFile(newer), save=False)
        doc.file_hash = hashlib.sha1(newer, usedforsecurity=False).hexdigest()  # as the admin's form does
        doc.save()
    assert state(doc).status == "pending"  # the old text is no longer offered meanwhile
    for callback in callbacks:
        callback()
    assert state(doc).status == "done" and state(doc).text.endswith(ENGLISH)
    assert state(doc).file_hash == doc.file_hash


def test_saving_without_a_new_file_does_not_read_it_again(
    saved, seeded, django_capture_on_commit_callbacks, monkeypatch
):
    doc = saved("bao-cao.pdf", pdf_bytes([[VIETNAMESE]]))
    first = state(doc).extracted_at
    enqueued, enqueue = [], attachment_text._enqueue
    monkeypatch.setattr(attachment_text, "_enqueue", lambda pk: enqueued.append(pk) or enqueue(pk))
    with django_capture_on_commit_callbacks(execute=True):
        doc.title = "Báo cáo (đã sửa)"
        doc.save(update_fields=["title"])
    assert enqueued == []
    monkeypatch.setattr(attachment_text, "run_child", lambda *args: pytest.fail("read again"))
    with django_capture_on_commit_callbacks(execute=True):
        doc.save()  # the same bytes: hashed, found unchanged, not read
    assert enqueued == [doc.pk] and state(doc).extracted_at == first


def test_publishing_a_product_reads_documents_without_a_current_extraction(
    seeded, django_capture_on_commit_callbacks
):
    doc = document("chua-doc.pdf", pdf_bytes([[VIETNAMESE]]))  # its commit's task never ran
    assert not AttachmentText.objects.filter(document=doc).exists()
    product = library.product()
    with django_capture_on_commit_callbacks(execute=True):
        product = with_attachments(product, doc)
    assert state(doc).text == VIETNAMESE
    assert product.search_attachments() == [("chua-doc.pdf", VIETNAMESE)]


def test_saving_a_document_never_fails_because_of_its_text(
    seeded, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(attachment_text, "_enqueue", lambda *a: 1 / 0)
    with django_capture_on_commit_callbacks(execute=True):
        doc = document("bao-cao.pdf", pdf_bytes([[VIETNAMESE]]))
    assert CustomDocument.objects.filter(pk=doc.pk).exists()


# -- What the editor sees --------------------------------------------------------------------------


@pytest.fixture
def editor(client, seeded):
    user = get_user_model().objects.create_superuser("ed-at", "ed-at@example.org", "a-long-test-password")
    sign_in(client, user)
    return client, user


def _edit_page(client, product):
    response = client.get(f"/admin/pages/{product.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_edit_form_shows_the_state_of_each_attached_document(editor, saved):
    client, user = editor
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    good = saved("bao-cao.pdf", pdf_bytes([[VIETNAMESE] * 40] * 10), title="Báo cáo")
    locked = saved("mat-khau.pdf", pdf_bytes([[VIETNAMESE]], encrypt=True), title="Bảo mật")
    with override_settings(LIBRARY_ATTACHMENT_TEXT={"SECONDS": 1}):
        slow = saved("cham.pdf", pdf_bytes([[KHMER]] * 40, heavy=b"q Q " * 2_000_000))
    scan = saved("anh-chup.pdf", pdf_bytes([[]]))
    waiting = document("cho.pdf", pdf_bytes([[KHMER]]), title="cho")  # not read yet
    product = with_attachments(library.product(), good, locked, slow, scan, waiting, publish=False)
    html = _edit_page(client, product)
    assert "Text of the attached files" in html
    characters = state(good).characters
    assert characters > 10_000
    assert f"<strong>Báo cáo</strong> ({good.filename}): text found ({characters:,} characters)" in html
    locked_state = "could not be read: the file is protected by a password"
    assert f"<strong>Bảo mật</strong> ({locked.filename}): {locked_state}" in html
    assert "could not be read: reading it took too long" in html
    assert "no text found: perhaps a scan or pictures only" in html
    assert f"<strong>cho</strong> ({waiting.filename}): waiting to be read" in html
    assert html.index(good.filename) < html.index(locked.filename) < html.index(waiting.filename)
    assert "attach a version without a password" in html


def test_the_state_is_shown_in_the_editors_language(editor, saved):
    client, _user = editor
    doc = saved("mat-khau.pdf", pdf_bytes([[VIETNAMESE]], encrypt=True))
    html = _edit_page(client, with_attachments(library.product(), doc, publish=False))
    assert "Văn bản trong các tệp đính kèm" in html
    assert "không đọc được: tệp được bảo vệ bằng mật khẩu" in html


def test_a_product_without_documents_shows_no_panel(editor):
    client, _user = editor
    assert "attachment-text-states" not in _edit_page(client, library.product())


# -- The child process on its own -------------------------------------------------------------------


def test_the_child_runs_without_django(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "t.pdf"
    path.write_bytes(pdf_bytes([[KHMER]]))
    code = (
        "import runpy, sys\n"
        "sys.argv = ['attachment_text', sys.argv[1]]\n"
        "try:\n"
        "    runpy.run_module('library.attachment_text', run_name='__main__', alter_sys=True)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('', 'django' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        cwd=attachment_text._PROJECT_ROOT,
        check=True,
        env={"PATH": "/usr/bin:/bin"},  # no DJANGO_SETTINGS_MODULE
    )
    assert done.stderr.decode().split()[-1] == "False"
    assert json.loads(done.stdout)["text"] == KHMER
