"""The admin's import and upload forms, signed in as an editor, with generated files and fields:
never a 5xx.

- library import (CSV in several encodings and delimiters, XLSX, files that are neither), and the
  commit of every dry run that passed;
- exhibition upload (images made by Pillow, truncated and mislabelled ones, zip archives with
  strange member names);
- translation import (PO files made by polib, XLIFF, zips, anything else);
- Wagtail's document and image upload (with the newsroom's content checks).

Requests are built byte for byte (``multipart``), so field values and file names carry NUL, lone
surrogates and control characters as a hostile client would send them.
"""

import io
import uuid
import zipfile

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from PIL import Image

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.models import Organisation
from library.export import COLUMNS
from library.models import ImportBatch
from tests.accounts import sign_in
from tests.fuzz import hostile
from tests.fuzz.harness import Prober, examples

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, seeded):
    """An editor of Báo An Giang (the demo's newspaper), signed in with a confirmed code."""
    organisation = Organisation.objects.get(locale__language_code="vi", slug="bao-an-giang")
    editor = get_user_model().objects.create_user("fuzz-editor", "fuzz@example.org", "a-long-test-password")
    editor.groups.set([Group.objects.get(team__organisation_key=organisation.translation_key)])
    sign_in(client, editor)
    client.raise_request_exception = False
    return client


def _bytes(value):
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "surrogatepass")


def multipart(fields, files):
    """A multipart/form-data body: ``fields`` [(name, text)], ``files`` [(name, filename, bytes)]."""
    boundary = uuid.uuid4().hex
    chunks = []
    for name, value in fields:
        chunks += [
            f"--{boundary}\r\n".encode(),
            b'Content-Disposition: form-data; name="' + _bytes(name) + b'"\r\n\r\n',
            _bytes(value),
            b"\r\n",
        ]
    for name, filename, content in files:
        chunks += [
            f"--{boundary}\r\n".encode(),
            b'Content-Disposition: form-data; name="'
            + _bytes(name)
            + b'"; filename="'
            + _bytes(filename)
            + b'"\r\n',
            b"Content-Type: application/octet-stream\r\n\r\n",
            content,
            b"\r\n",
        ]
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def post(prober, path, fields, files):
    body, content_type = multipart(fields, files)
    return prober.request("POST", path, data=body, content_type=content_type)


def filenames(extensions):
    """A file name: a plain one with one of ``extensions`` mostly, or a hostile one."""
    plain = st.sampled_from(sorted(extensions)).map(lambda ext: f"upload{ext}")
    odd = st.builds(
        lambda stem, ext: stem + ext, hostile.text(30), st.sampled_from([*sorted(extensions), ""])
    )
    strange = st.sampled_from(
        ["", ".csv", "../../etc/passwd.csv", "a\x00.csv", "x" * 400 + ".csv", "CON.xlsx"]
    )
    return st.one_of(plain, plain, odd, strange)


CELL = st.one_of(
    hostile.values({"CRC", "vie", "khm", "an-giang", "poster", "radio", "video", "có", "no", "2026-10-05"}),
    hostile.NUMBERS,
    st.sampled_from(['=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "05/11/2026", "31/02/2026", "1e400"]),
)


@st.composite
def table(draw):
    columns = [*COLUMNS, "description", "embargo_until"]
    header = draw(
        st.lists(
            st.one_of(st.sampled_from(columns), st.sampled_from(["title", "product_type"]), hostile.text(12)),
            min_size=1,
            max_size=12,
        )
    )
    if draw(st.booleans()):
        header = ["title", "product_type", *header]
    rows = draw(st.lists(st.lists(CELL, min_size=0, max_size=len(header) + 2), max_size=4))
    return [header, *rows]


def csv_file(rows, delimiter, encoding):
    text = "\r\n".join(delimiter.join('"' + cell.replace('"', '""') + '"' for cell in row) for row in rows)
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf-8") else "replace")


def xlsx_file(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        # openpyxl refuses control characters and surrogates in cells: a spreadsheet cannot hold them
        sheet.append(
            ["".join(ch for ch in cell if ch >= " " and not "\ud800" <= ch <= "\udfff") for cell in row]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@st.composite
def import_file(draw):
    rows = draw(table())
    kind = draw(st.sampled_from(["csv", "csv", "csv", "xlsx", "junk"]))
    if kind == "csv":
        content = csv_file(
            rows,
            draw(st.sampled_from([",", ";", "\t", "|"])),
            draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"])),
        )
        name = draw(filenames({".csv", ".CSV"}))
    elif kind == "xlsx":
        content = xlsx_file(rows)
        name = draw(filenames({".xlsx"}))
    else:
        content = draw(st.one_of(st.binary(max_size=2000), st.just(zip_of({"a.txt": b"x"}))))
        name = draw(filenames({".csv", ".xlsx", ".txt"}))
    return name, content


def zip_of(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_library_import_and_commit(editor_client):
    prober = Prober("admin: library import", editor_client)
    languages = hostile.values({"vi", "en", "km"})

    @settings(settings.get_profile("fuzz"), max_examples=examples(300))
    @given(import_file(), languages, st.sampled_from(["", "on", "1", "\x00"]))
    def probe(upload, language, publish):
        before = ImportBatch.objects.order_by("-pk").values_list("pk", flat=True).first()
        name, content = upload
        fields = [("language", language)] + ([("publish", publish)] if publish else [])
        post(prober, "/admin/library/import/", fields, [("file", name, content)])
        batch = ImportBatch.objects.order_by("-pk").first()
        if batch is not None and batch.pk != before and batch.report.get("ok"):
            prober.request("POST", f"/admin/library/import/{batch.pk}/commit/")

    probe()
    prober.assert_no_server_errors()
    assert ImportBatch.objects.filter(user__username="fuzz-editor").exists()  # the editor reached the form


def image_bytes(draw):
    fmt = draw(st.sampled_from(["JPEG", "PNG", "WEBP", "GIF"]))
    mode = "RGB" if fmt == "JPEG" else draw(st.sampled_from(["RGB", "RGBA", "L", "P"]))
    size = (draw(st.integers(1, 64)), draw(st.integers(1, 64)))
    buffer = io.BytesIO()
    Image.new(mode, size, color=draw(st.integers(0, 255))).save(buffer, fmt)
    data = buffer.getvalue()
    damage = draw(st.sampled_from(["none", "none", "truncate", "append", "header-only"]))
    if damage == "truncate":
        data = data[: draw(st.integers(0, max(0, len(data) - 1)))]
    elif damage == "append":
        data += draw(st.binary(max_size=200))
    elif damage == "header-only":
        data = data[:16]
    return fmt.lower().replace("jpeg", "jpg"), data


@st.composite
def upload_files(draw):
    files = []
    for _ in range(draw(st.integers(0, 3))):
        shape = draw(st.sampled_from(["image", "image", "zip", "junk"]))
        if shape == "image":
            ext, data = image_bytes(draw)
            name = draw(
                st.one_of(st.just(f"photo.{ext}"), filenames({".jpg", ".png", ".webp", ".gif", ".zip"}))
            )
        elif shape == "zip":
            members = {}
            for _ in range(draw(st.integers(0, 3))):
                ext, data = image_bytes(draw)
                member = draw(
                    st.one_of(
                        st.just(f"scan.{ext}"),
                        st.sampled_from(
                            ["../evil.jpg", "/abs.png", "dir/", "a\x00.jpg", "ảnh.jpg", "x" * 300]
                        ),
                    )
                )
                members[member] = data
            data, name = zip_of(members), draw(st.sampled_from(["archive.zip", "archive.ZIP", "archive.jpg"]))
        else:
            data, name = draw(st.binary(max_size=1000)), draw(filenames({".jpg", ".zip", ".png"}))
        files.append(("files", name, data))
    return files


def test_exhibition_upload(editor_client):
    prober = Prober("admin: exhibition upload", editor_client)
    text = hostile.values({"Nguyễn Văn A", "Báo An Giang", "CC BY 4.0"})

    @settings(settings.get_profile("fuzz"), max_examples=examples(200))
    @given(
        upload_files(),
        hostile.values({"photograph", "scan", "document"}),
        text,
        text,
        hostile.values({"1", "2", ""}),
    )
    def probe(files, kind, creator, credit, collection):
        fields = [("kind", kind), ("creator", creator), ("credit", credit), ("rights", credit)]
        fields += [("source", creator), ("collection", collection)]
        post(prober, "/admin/exhibitions/upload/", fields, files)

    probe()
    prober.assert_no_server_errors()


@st.composite
def translation_file(draw):
    shape = draw(st.sampled_from(["po", "po", "xliff", "zip", "junk"]))
    if shape in ("po", "zip"):
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        for key, value in draw(st.dictionaries(hostile.text(10), hostile.text(20), max_size=3)).items():
            clean = lambda text: "".join(ch for ch in text if not "\ud800" <= ch <= "\udfff")  # noqa: E731
            po.append(
                polib.POEntry(msgid=clean(key) or "x", msgstr=clean(value), msgctxt=draw(hostile.text(12)))
            )
        data = str(po).encode("utf-8", "replace")
        if shape == "zip":
            return "translations.zip", zip_of({"a.po": data, "../b.po": data})
        return draw(filenames({".po"})), data
    if shape == "xliff":
        inner = draw(hostile.text(30)).encode("utf-8", "surrogatepass")
        data = (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><xliff version="1.2">'
            b'<file original="' + inner + b'"><body><trans-unit id="1"><source>&a;</source>'
            b"<target>" + inner + b"</target></trans-unit></body></file></xliff>"
        )
        return draw(filenames({".xliff", ".xlf"})), data
    return draw(filenames({".po", ".xliff", ".zip"})), draw(st.binary(max_size=1000))


def test_translation_import(editor_client):
    prober = Prober("admin: translation import", editor_client)

    @settings(settings.get_profile("fuzz"), max_examples=examples(150))
    @given(translation_file(), st.sampled_from(["", "on", "\x00"]))
    def probe(upload, overwrite):
        name, data = upload
        fields = [("overwrite", overwrite)] if overwrite else []
        post(prober, "/admin/translations/import/", fields, [("file", name, data)])

    probe()
    prober.assert_no_server_errors()


def test_document_upload(editor_client):
    prober = Prober("admin: documents", editor_client)
    documents = st.one_of(
        st.tuples(
            filenames({".pdf", ".docx", ".csv", ".txt", ".zip", ".exe", ".html"}), st.binary(max_size=2000)
        ),
        st.tuples(st.just("report.docx"), st.just(zip_of({"word/document.xml": b"<w/>" * 100}))),
        st.tuples(st.just("notes.txt"), hostile.text(200).map(lambda t: t.encode("utf-8", "surrogatepass"))),
    )
    titles, collections = hostile.values({"Báo cáo", "Tờ rơi"}), hostile.values({"1"})

    @settings(settings.get_profile("fuzz"), max_examples=examples(100))
    @given(documents, titles, collections)
    def probe(document, title, collection):
        name, content = document
        post(
            prober,
            "/admin/documents/add/",
            [("title", title), ("collection", collection)],
            [("file", name, content)],
        )

    probe()
    prober.assert_no_server_errors()


def test_image_upload(editor_client):
    prober = Prober("admin: images", editor_client)
    titles, collections = hostile.values({"Ảnh", "ảnh"}), hostile.values({"1"})
    names = st.one_of(st.none(), filenames({".jpg", ".png", ".svg", ".webp"}))

    @settings(settings.get_profile("fuzz"), max_examples=examples(100))
    @given(st.data(), titles, collections, names)
    def probe(data, title, collection, name):
        ext, content = image_bytes(data.draw)
        name = name or f"photo.{ext}"
        post(
            prober,
            "/admin/images/add/",
            [("title", title), ("collection", collection)],
            [("file", name, content)],
        )

    probe()
    prober.assert_no_server_errors()
