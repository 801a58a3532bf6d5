"""Upload checks for documents and images, beyond Wagtail's own.

Wagtail already refuses images whose content is not the format their extension claims, images
over ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` (decompression bombs) or ``WAGTAILIMAGES_MAX_UPLOAD_SIZE``,
and any extension outside ``WAGTAILIMAGES_EXTENSIONS`` (SVG is not among them: it can carry
script). For documents Wagtail checks only the extension; here the content must match it too,
zip-based files are measured by the bytes they really unpack to (never by what their headers
claim), and every stored file name is made safe.
"""

import copy
import io
import os
import struct
import zipfile

from anyascii import anyascii

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from . import wagtail_1354, wagtail_11802

ZIP_BASED = {"docx", "xlsx", "odt", "ods", "zip"}
TEXT = {"csv", "txt"}
#: An archive may unpack to at most this many times its own size (and DOCUMENT_MAX_UNPACKED_BYTES).
MAX_UNPACK_RATIO = 100
MAX_ARCHIVE_MEMBERS = 10_000
_CHUNK = 64 * 1024


def unpacked_size(data, limit):
    """The bytes the zip archive ``data`` really unpacks to, counted by decompressing every member
    (its headers may under-state the sizes), stopping as soon as the count passes ``limit``.
    ``None`` when it is not a readable, unencrypted zip archive."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        return None
    if len(members) > MAX_ARCHIVE_MEMBERS:
        return None
    total = 0
    for member in members:
        if member.is_dir():
            continue
        if member.compress_type == zipfile.ZIP_STORED:
            total += min(member.compress_size, len(data))  # stored bytes are in the archive itself
        else:
            # Read past whatever the headers claim: the stream ends where the compressed data
            # ends, and the count stops at the limit.
            start = _data_start(data, member)
            if start is None:
                return None
            measured = copy.copy(member)
            measured.file_size = limit + 2 * _CHUNK  # never reached: the count stops past the limit
            measured.compress_size = len(data) - start
            try:
                with archive.open(measured) as stream:
                    while chunk := stream.read(_CHUNK):
                        total += len(chunk)
                        if total > limit:
                            return total
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError, EOFError):
                # A CRC that does not match (the real bytes were not the declared ones),
                # encryption, an unknown compression method: not a document we can accept.
                return None
        if total > limit:
            return total
    return total


def _data_start(data, member):
    """Where ``member``'s compressed bytes begin: after its local header (30 bytes, its name and
    its extra field, whose lengths the header gives)."""
    header = data[member.header_offset : member.header_offset + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        return None
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    start = member.header_offset + 30 + name_length + extra_length
    return start if start <= len(data) else None


def unpack_limit(size):
    """The most a ``size``-byte archive may unpack to."""
    return min(settings.DOCUMENT_MAX_UNPACKED_BYTES, MAX_UNPACK_RATIO * max(size, 1))


def _zip_ok(data, extension):
    limit = unpack_limit(len(data))
    unpacked = unpacked_size(data, limit)
    if unpacked is None:
        return False
    if unpacked > limit:
        raise forms.ValidationError(
            _(
                "Refused as unsafe: this file unpacks to more than %(limit)s. A file may unpack to at "
                "most %(ratio)s times its own size, and never to more than %(cap)s."
            )
            % {
                "limit": filesizeformat(limit),
                "ratio": MAX_UNPACK_RATIO,
                "cap": filesizeformat(settings.DOCUMENT_MAX_UNPACKED_BYTES),
            }
        )
    names = {member.filename for member in zipfile.ZipFile(io.BytesIO(data)).infolist()}
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
    """Refuse a document whose content is not what its extension says, or that is too large.

    An extension outside ``WAGTAILDOCS_EXTENSIONS`` is left to Wagtail's own check, which names it
    and lists the accepted ones (once: see ``newsroom.wagtail_11802``)."""
    extension = os.path.splitext(uploaded.name)[1].lower().lstrip(".")
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        return
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
            uploaded.name = safe_filename(uploaded.name)
            try:
                check_document(uploaded)
            except forms.ValidationError:
                wagtail_11802.keep_refused_file(self, uploaded)
                raise
        return uploaded


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:  # wagtail/wagtail#1354: newsroom.wagtail_1354
            self.fields["file"] = wagtail_1354.DecodedImageField.replacing(self.fields["file"])

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and not getattr(uploaded, "_committed", False):
            uploaded.name = safe_filename(uploaded.name)
        return uploaded
