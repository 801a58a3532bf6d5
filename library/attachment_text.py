"""The text of the documents attached to library products, for the search index.

A PDF (pdfium), a DOCX (python-docx), an XLSX (openpyxl, read-only) or a plain-text file attached
to a :class:`~library.models.ProductPage` is read in the background
(:func:`extract_attachment_text`, a django-tasks task) after the document is saved, and again when
its file is replaced; a product published with documents that have no current extraction asks for
it too. The result is one :class:`~library.models.AttachmentText` per document: the text, or why
there is none (the product's edit form shows it, see ``library/panels.py``). When it changes, every
live product that attaches the document is indexed again, and ``ProductPage.search_attachments()``
hands the text to the site search.

The type of a file is told by its content (``%PDF-``; a zip holding ``word/document.xml`` or
``xl/workbook.xml``), not by its name. The file is copied from Django's storage (S3 in production)
to a temporary file and read by a child process (``python -m library.attachment_text FILE``) with a
time limit and a memory limit, so a hostile or enormous file can neither hang nor crash the
worker: whatever goes wrong is recorded as the document's state, never raised.

Limits: ``settings.LIBRARY_ATTACHMENT_TEXT`` (see :data:`DEFAULTS`).

This module is also the child process's program: at module level it imports only the standard
library, so that the child starts without Django.
"""

import argparse
import contextlib
import hashlib
import json
import logging
import os
import re
import sys
import tempfile
import unicodedata
import warnings
import zipfile
from pathlib import Path

logger = logging.getLogger("cms.documents")

#: ``settings.LIBRARY_ATTACHMENT_TEXT`` overrides any of these.
DEFAULTS = {
    "MAX_BYTES": 25 * 1024 * 1024,  # larger files are not read at all (status skipped-too-large)
    "MAX_PAGES": 300,  # of a PDF; the text of the pages after that is left out
    "MAX_CHARACTERS": 200_000,  # of text kept per document; the rest is left out
    "SECONDS": 30,  # wall-clock time the child process may take
    "MEMORY_MB": 1536,  # address space of the child process (where the system can limit it)
}

# Outcomes, as stored in AttachmentText.status and .reason (the model gives them their labels).
PENDING, DONE, FAILED, TOO_LARGE, UNSUPPORTED = (
    "pending",
    "done",
    "failed",
    "skipped-too-large",
    "unsupported",
)
UNREADABLE, ENCRYPTED, TIMEOUT, BIG, MISSING, TRUNCATED = (
    "unreadable",
    "encrypted",
    "timeout",
    "too_large",
    "missing",
    "truncated",
)
#: Final states: an extraction in one of them is current as long as the file's hash is the same.
FINISHED = (DONE, FAILED, TOO_LARGE, UNSUPPORTED)

_PROJECT_ROOT = Path(__file__).resolve().parent.parent
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .doc, .xls, encrypted DOCX/XLSX
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


# -- Plain text -------------------------------------------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n?|[\v\f\x1c-\x1e\x85\u2028\u2029]")
# Control characters (but tab and line feed), lone surrogates, private-use and non-characters,
# the replacement character, byte-order marks and soft hyphens: nothing a reader searches for.
_DROP = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u00ad\ud800-\uf8ff\ufdd0-\ufdef\ufeff\ufffd-\uffff"
    "\U000f0000-\U0010ffff]"
)


def normalise(text):
    """NFC, without control characters, each run of spaces one space, one line break between lines
    (empty lines dropped)."""
    text = _DROP.sub("", _LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", text)))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def shorten(text, limit):
    """``text`` cut to at most ``limit`` characters, at a space when one is near the end."""
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space > limit - 200:
        cut = cut[:space]
    return cut.rstrip(), True


# -- Reading one file (in the child process) --------------------------------------------------------


class _Enough(Exception):
    """Raised inside a reader once it has collected as much text as will be kept."""


class _Collector:
    def __init__(self, max_characters):
        self.parts, self.size, self.budget = [], 0, max_characters * 2 + 1000

    def add(self, text):
        if text:
            self.parts.append(text)
            self.size += len(text)
            if self.size > self.budget:
                raise _Enough


def detect(path, name=""):
    """What the file is by its content: ``pdf``, ``docx``, ``xlsx``, ``text``, ``encrypted`` (an
    encrypted Office file), ``broken`` (its name promises a type its content does not have) or None
    (a kind of file whose text is not read)."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    unknown = "broken" if extension in ("pdf", "docx", "xlsx") else None
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return unknown
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        return unknown
    if head.startswith(_CFB_MAGIC):
        with open(path, "rb") as handle:
            if _ENCRYPTED_PACKAGE in handle.read():
                return "encrypted"
        return unknown
    if extension in ("txt", "csv"):
        return "text"
    return unknown


def _read_pdf(path, out, max_pages):
    import pypdfium2
    import pypdfium2.raw

    try:
        pdf = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as error:
        if error.err_code == pypdfium2.raw.FPDF_ERR_PASSWORD:
            return {"status": FAILED, "reason": ENCRYPTED}
        return {"status": FAILED, "reason": UNREADABLE}
    truncated = len(pdf) > max_pages
    try:
        for number in range(min(len(pdf), max_pages)):
            page = pdf[number]
            textpage = page.get_textpage()
            try:
                out.add(textpage.get_text_bounded())
            finally:
                textpage.close()
                page.close()
            out.add("\n")
    finally:
        pdf.close()
    return {"truncated": truncated}


def _read_docx(path, out):
    import docx
    from docx.table import Table

    seen = {}  # the cells' elements, kept referenced so that their ids stay theirs

    def walk(container):
        for item in container.iter_inner_content():
            if isinstance(item, Table):
                for row in item.rows:
                    for cell in row.cells:
                        if id(cell._tc) not in seen:  # a merged cell is listed once per grid column
                            seen[id(cell._tc)] = cell._tc
                            walk(cell)
            else:
                out.add(item.text)
                out.add("\n")

    walk(docx.Document(path))
    return {}


def _cell_text(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(path, out):
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                values = [_cell_text(value) for value in row if value is not None]
                out.add(" ".join(value for value in values if value))
                out.add("\n")
    finally:
        workbook.close()
    return {}


def _read_text(path, out):
    with open(path, "rb") as handle:
        data = handle.read(out.budget * 4)
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        if error.start < len(data) - 4:  # not merely a character cut off at the end of what was read
            return {"status": FAILED, "reason": UNREADABLE}
        text = data[: error.start].decode(encoding)
    if "\x00" in text:
        return {"status": FAILED, "reason": UNREADABLE}
    out.add(text)
    return {}


def read_file(path, name="", max_pages=DEFAULTS["MAX_PAGES"], max_characters=DEFAULTS["MAX_CHARACTERS"]):
    """The text of the file at ``path`` as ``{"status", "reason", "text", "characters"}``.

    Runs in the child process (:func:`main`); call it directly only on trusted files."""
    kind = detect(path, name)
    if kind is None:
        return {"status": UNSUPPORTED, "reason": "", "text": "", "characters": 0}
    if kind in ("broken", "encrypted"):
        reason = ENCRYPTED if kind == "encrypted" else UNREADABLE
        return {"status": FAILED, "reason": reason, "text": "", "characters": 0}
    out = _Collector(max_characters)
    try:
        if kind == "pdf":
            outcome = _read_pdf(path, out, max_pages)
        elif kind == "docx":
            outcome = _read_docx(path, out)
        elif kind == "xlsx":
            outcome = _read_xlsx(path, out)
        else:
            outcome = _read_text(path, out)
    except _Enough:
        outcome = {"truncated": True}
    if "status" in outcome:
        return {"text": "", "characters": 0, **outcome}
    text, cut = shorten(normalise("".join(out.parts)), max_characters)
    truncated = cut or outcome.get("truncated", False)
    return {"status": DONE, "reason": TRUNCATED if truncated else "", "text": text, "characters": len(text)}


def _limit_resources(seconds, memory_mb):
    try:
        import resource
    except ImportError:  # not a Unix system: the parent's timeout still applies
        return
    limits = [(resource.RLIMIT_CPU, int(seconds) + 5)]
    if memory_mb:
        limits.append((resource.RLIMIT_AS, int(memory_mb) * 1024 * 1024))
    for which, value in limits:
        try:
            _soft, hard = resource.getrlimit(which)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(which, (value, hard))
        except (ValueError, OSError):
            pass
    with contextlib.suppress(OSError):
        os.nice(10)


def main(argv=None):
    """The child process: read one file, write the outcome as JSON to standard output."""
    parser = argparse.ArgumentParser(prog="python -m library.attachment_text")
    parser.add_argument("path")
    parser.add_argument("--name", default="", help="the document's file name (for its extension)")
    parser.add_argument("--max-pages", type=int, default=DEFAULTS["MAX_PAGES"])
    parser.add_argument("--max-characters", type=int, default=DEFAULTS["MAX_CHARACTERS"])
    parser.add_argument("--seconds", type=float, default=DEFAULTS["SECONDS"])
    parser.add_argument("--memory-mb", type=int, default=DEFAULTS["MEMORY_MB"])
    args = parser.parse_args(argv)
    _limit_resources(args.seconds, args.memory_mb)
    warnings.simplefilter("ignore")  # openpyxl and pdfium warn about what they skip
    try:
        result = read_file(args.path, args.name or args.path, args.max_pages, args.max_characters)
    except MemoryError:
        result = {"status": FAILED, "reason": BIG, "text": "", "characters": 0}
    except Exception as error:
        result = {"status": FAILED, "reason": UNREADABLE, "text": "", "characters": 0, "error": repr(error)}
    sys.stdout.buffer.write(json.dumps(result, ensure_ascii=False).encode())
    sys.stdout.buffer.flush()
    return 0


# -- Reading a document (in the worker) -------------------------------------------------------------


def limits():
    from django.conf import settings

    return {**DEFAULTS, **getattr(settings, "LIBRARY_ATTACHMENT_TEXT", {})}


def _outcome(status, reason="", file_hash="", text=""):
    return {"status": status, "reason": reason, "file_hash": file_hash, "text": text, "characters": len(text)}


def run_child(path, name, settings_limits):
    """Read the file at ``path`` in a child process within the limits; the outcome as a dict."""
    import subprocess

    command = [
        sys.executable,
        "-m",
        "library.attachment_text",
        path,
        f"--name={name}",
        f"--max-pages={int(settings_limits['MAX_PAGES'])}",
        f"--max-characters={int(settings_limits['MAX_CHARACTERS'])}",
        f"--seconds={float(settings_limits['SECONDS'])}",
        f"--memory-mb={int(settings_limits['MEMORY_MB'] or 0)}",
    ]
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(_PROJECT_ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    try:
        finished = subprocess.run(  # noqa: S603 - our own interpreter and module, the path is ours
            command,
            capture_output=True,
            timeout=float(settings_limits["SECONDS"]),
            cwd=_PROJECT_ROOT,
            env=environment,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired:
        logger.info("reading %s took longer than %s s: stopped", name, settings_limits["SECONDS"])
        return _outcome(FAILED, TIMEOUT)
    try:
        result = json.loads(finished.stdout.decode("utf-8"))
    except ValueError:
        logger.warning(
            "reading %s ended with %s and no result: %s",
            name,
            finished.returncode,
            finished.stderr[-500:].decode("utf-8", "replace"),
        )
        return _outcome(FAILED, UNREADABLE)
    if result.get("error"):
        logger.info("cannot read %s: %s", name, result["error"][:500])
    text, cut = shorten(normalise(str(result.get("text") or "")), int(settings_limits["MAX_CHARACTERS"]))
    status = result.get("status") if result.get("status") in FINISHED else FAILED
    reason = TRUNCATED if cut and status == DONE else str(result.get("reason") or "")
    return _outcome(status, reason, text=text if status == DONE else "")


def read_document(document, known_hash=None):
    """The outcome of reading ``document``'s file: a dict of ``status``, ``reason``, ``file_hash``,
    ``text`` and ``characters``; None when the file's hash is ``known_hash`` (nothing changed)."""
    settings_limits = limits()
    max_bytes = int(settings_limits["MAX_BYTES"])
    storage, name = document.file.storage, document.file.name
    filename = os.path.basename(name)
    try:
        size = document.file_size if document.file_size is not None else storage.size(name)
    except Exception:
        return _outcome(FAILED, MISSING, document.file_hash)
    if size > max_bytes:
        return _outcome(TOO_LARGE, BIG, document.file_hash)
    suffix = os.path.splitext(filename)[1][:16]
    handle = tempfile.NamedTemporaryFile(prefix="attachment-", suffix=suffix, delete=False)  # noqa: SIM115
    try:
        digest, copied = hashlib.sha1(usedforsecurity=False), 0
        try:
            with handle, storage.open(name, "rb") as source:
                while chunk := source.read(1024 * 1024):
                    copied += len(chunk)
                    if copied > max_bytes:
                        return _outcome(TOO_LARGE, BIG, document.file_hash)
                    digest.update(chunk)
                    handle.write(chunk)
        except OSError as error:
            logger.warning("cannot copy %s to read its text: %s", name, error)
            return _outcome(FAILED, MISSING, document.file_hash)
        file_hash = digest.hexdigest()
        if known_hash and file_hash == known_hash:
            return None
        return {**run_child(handle.name, filename, settings_limits), "file_hash": file_hash}
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


# -- Which documents a product attaches, and which products attach a document ----------------------


def attached_document_ids(stream_value):
    """The ids of the documents in an ``attachments`` stream, in block order, each once."""
    ids = []
    for item in getattr(stream_value, "raw_data", None) or []:
        if item.get("type") != "document":
            continue
        value = item.get("value")
        if isinstance(value, dict):  # never stored so, but a block value may be a model's fields
            value = value.get("id")
        try:
            value = int(value)
        except (TypeError, ValueError):
            continue
        if value not in ids:
            ids.append(value)
    return ids


def products_attaching(document_id):
    """Live products whose (published) attachments include the document."""
    from django.db import connection

    from .models import ProductPage

    pages = ProductPage.objects.live()
    if connection.features.supports_json_field_contains:
        pages = pages.filter(attachments__contains=[{"type": "document", "value": document_id}])
    return [
        page
        for page in pages.only("pk", "attachments").iterator()
        if document_id in attached_document_ids(page.attachments)
    ]


# -- The task and the signals that ask for it -------------------------------------------------------


def _as_task(function):
    """A django-tasks task, except in the child process (``python -m``), which has no Django."""
    if __name__ == "__main__":
        return function
    from django_tasks import task

    return task()(function)


@_as_task
def extract_attachment_text(document_id):
    """Read the text of one document, record it, and index again the live products that attach
    it. A file that cannot be read is recorded as such; nothing is raised."""
    try:
        _extract(document_id)
    except Exception:
        logger.exception("extracting the text of document %s failed", document_id)
        try:
            from django.utils import timezone

            from wagtail.documents import get_document_model

            from .models import AttachmentText

            if get_document_model().objects.filter(pk=document_id).exists():
                AttachmentText.objects.update_or_create(
                    document_id=document_id,
                    defaults={
                        **_outcome(FAILED, UNREADABLE),
                        "file_hash": "",  # so that the next save or publish tries again
                        "extracted_at": timezone.now(),
                    },
                )
        except Exception:
            logger.exception("could not record the failure for document %s", document_id)


def _extract(document_id):
    from django.utils import timezone

    from wagtail.documents import get_document_model

    from home.index_signals import documents_changed

    from .models import AttachmentText

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    row = AttachmentText.objects.filter(document=document).first()
    known = row.file_hash if row and row.status in FINISHED else None
    outcome = read_document(document, known_hash=known)
    if outcome is None:
        return
    before = (row.status, row.reason, row.text) if row else None
    AttachmentText.objects.update_or_create(
        document=document, defaults={**outcome, "extracted_at": timezone.now()}
    )
    if before == (outcome["status"], outcome["reason"], outcome["text"]):
        return
    pages = products_attaching(document.pk)
    if pages:
        documents_changed.send(sender=type(document), instances=pages)


def _enqueue(document_id):
    extract_attachment_text.enqueue(document_id)


def schedule(document_id):
    """Extract the document's text once the current transaction commits."""
    from django.db import transaction

    transaction.on_commit(lambda: _enqueue(document_id), robust=True)


def is_current(document, row):
    """Whether ``row`` (an AttachmentText or None) is the finished extraction of the document's
    present file, going by the hash Wagtail recorded; without one, the task compares the bytes."""
    return bool(
        row is not None
        and row.status in FINISHED
        and document.file_hash
        and row.file_hash == document.file_hash
    )


def document_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """post_save of the document model: after the commit, the task hashes the file and reads it
    again if it changed (``file_hash`` is not trusted here: code that replaces a file may leave
    Wagtail's hash as it was)."""
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    from .models import AttachmentText

    if instance.file_hash:  # a file replaced through the admin: its old text is no longer offered
        AttachmentText.objects.filter(document=instance).exclude(file_hash=instance.file_hash).exclude(
            status=PENDING
        ).update(status=PENDING)
    schedule(instance.pk)


def document_deleted(sender, instance, **kwargs):
    """post_delete of the document model: once the deletion commits, the live products that
    attached it are indexed again, without its text (its record went with it)."""
    from django.db import transaction

    from home.index_signals import documents_changed

    pages = products_attaching(instance.pk)
    if pages:
        transaction.on_commit(lambda: documents_changed.send(sender=sender, instances=pages), robust=True)


def product_published(sender, instance, **kwargs):
    """page_published of a product: its documents without a current extraction are read."""
    from wagtail.documents import get_document_model

    from .models import AttachmentText

    ids = attached_document_ids(instance.attachments)
    if not ids:
        return
    documents = get_document_model().objects.filter(pk__in=ids).only("pk", "file_hash")
    rows = {row.document_id: row for row in AttachmentText.objects.filter(document_id__in=ids)}
    for document in documents:
        if not is_current(document, rows.get(document.pk)):
            schedule(document.pk)


if __name__ == "__main__":
    sys.exit(main())
