"""Upload checks for documents and images, beyond Wagtail's own.

Wagtail already refuses images whose content is not the format their extension claims, images
over ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` (decompression bombs) or ``WAGTAILIMAGES_MAX_UPLOAD_SIZE``,
and any extension outside ``WAGTAILIMAGES_EXTENSIONS`` (SVG is not among them: it can carry
script). For documents Wagtail checks only the extension; here the content must match it too,
zip-based files are checked for bombs, and every stored file name is made safe.
"""

import io
import os
import zipfile

from anyascii import anyascii

from django import forms
from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

ZIP_BASED = {"docx", "xlsx", "odt", "ods", "zip"}
TEXT = {"csv", "txt"}


def _zip_ok(data, extension):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        return False
    unpacked = sum(member.file_size for member in members)
    if unpacked > settings.DOCUMENT_MAX_UNPACKED_BYTES or unpacked > 100 * max(len(data), 1):
        raise forms.ValidationError(
            _("This archive unpacks to far more than its size; it was refused as unsafe.")
        )
    names = {member.filename for member in members}
    if extension in ("docx", "xlsx"):
        return "[Content_Types].xml" in names
    if extension in ("odt", "ods"):
        return "mimetype" in names
    return True


def _text_ok(data):
    if b"\x00" in data[:65536]:
        return False
    try:
        data[:65536].decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start > 65530  # a character cut at the sample's end
    return True


SIGNATURES = {
    "pdf": lambda d: d.startswith(b"%PDF-"),
    "doc": lambda d: d.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
    "xls": lambda d: d.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
    "mp3": lambda d: d.startswith(b"ID3") or (len(d) > 1 and d[0] == 0xFF and d[1] & 0xE0 == 0xE0),
    "mp4": lambda d: d[4:8] == b"ftyp",
    "m4a": lambda d: d[4:8] == b"ftyp",
    "ogg": lambda d: d.startswith(b"OggS"),
    "webm": lambda d: d.startswith(b"\x1a\x45\xdf\xa3"),
}


def check_document(uploaded):
    """Refuse a document whose content is not what its extension says, or that is too large."""
    extension = os.path.splitext(uploaded.name)[1].lower().lstrip(".")
    if uploaded.size > settings.DOCUMENT_MAX_UPLOAD_BYTES:
        limit = settings.DOCUMENT_MAX_UPLOAD_BYTES // (1024 * 1024)
        raise forms.ValidationError(_("This file is larger than %(limit)s MB.") % {"limit": limit})
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    if extension in ZIP_BASED:
        ok = _zip_ok(data, extension)
    elif extension in TEXT:
        ok = _text_ok(data)
    else:
        ok = SIGNATURES.get(extension, lambda d: False)(data)
    if not ok:
        raise forms.ValidationError(
            _("This file's content is not a .%(extension)s file. Save it in that format and try again.")
            % {"extension": extension}
        )


def safe_filename(name):
    """ASCII letters, digits and dashes, and the lower-cased extension: no paths, no markup."""
    stem, extension = os.path.splitext(os.path.basename(name.replace("\\", "/")))
    stem = slugify(anyascii(stem))[:80] or "file"
    extension = slugify(extension.lstrip("."))[:8]
    return f"{stem}.{extension}" if extension else stem


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "size") and not getattr(uploaded, "_committed", False):
            check_document(uploaded)
            uploaded.name = safe_filename(uploaded.name)
        return uploaded


class ImageForm(BaseImageForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and not getattr(uploaded, "_committed", False):
            uploaded.name = safe_filename(uploaded.name)
        return uploaded
