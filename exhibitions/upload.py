"""Bulk upload of photographs and scans into draft exhibition items.

Editors drop many files, or zip archives of them, at once. Each file is checked on its content
(never its name): it must be a JPEG, PNG, WebP or GIF image within the size and pixel limits,
fully decodable, with readable EXIF. Title, date taken, caption, creator and copyright are
prefilled from its XMP/IPTC/EXIF metadata; a file whose content is already in the library (same
SHA-1, the hash Wagtail keeps for every image) is reported as a duplicate and not stored again.

Every file gets a line in the report: accepted (with what its metadata filled in), duplicate or
rejected (with the reason). A file is stored completely or not at all: if anything fails after
its image was written, the image, its stored file and its item are removed.
"""

import hashlib
import io
import logging
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from PIL import Image, UnidentifiedImageError

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import get_valid_filename, slugify
from django.utils.translation import gettext as _

from wagtail.models import Collection, Locale

from home.models import CustomImage
from newsroom.roles import own_organisation

from . import photo_metadata
from .models import ExhibitionItem

logger = logging.getLogger("cms.exhibitions")

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MAX_ZIP_MEMBERS = 500
MAX_ZIP_TOTAL = 1024 * 1024 * 1024  # uncompressed bytes in one archive
ACCEPTED, DUPLICATE, REJECTED = "accepted", "duplicate", "rejected"


def max_bytes():
    return settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE


def max_pixels():
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


@dataclass
class FileReport:
    name: str
    status: str
    message: str = ""
    item: ExhibitionItem = None
    existing: CustomImage = None
    found: list = field(default_factory=list)


@dataclass
class Defaults:
    """What the editor says about the whole batch; a file's own metadata wins where it has any."""

    kind: str = ExhibitionItem.Kind.PHOTO
    creator: str = ""
    credit: str = ""
    rights: str = ""
    source: str = ""
    collection: Collection = None


class Rejected(Exception):
    """A file that cannot become an item; the message is shown to the editor."""


def _members(upload):
    """``(name, bytes)`` for an uploaded file, or for each file inside an uploaded zip archive."""
    name = PurePosixPath(upload.name or "upload").name
    head = upload.read(4)
    upload.seek(0)
    if head != b"PK\x03\x04":
        if upload.size > max_bytes():
            yield name, Rejected(_("It is larger than %(limit)d MB.") % {"limit": max_bytes() // 2**20})
        else:
            yield name, upload.read()
        return
    try:
        archive = zipfile.ZipFile(upload)
        entries = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError) as error:
        yield name, Rejected(_("The zip archive is damaged (%(error)s).") % {"error": error})
        return
    if len(entries) > MAX_ZIP_MEMBERS:
        yield name, Rejected(_("The archive holds more than %(n)d files.") % {"n": MAX_ZIP_MEMBERS})
        return
    if sum(info.file_size for info in entries) > MAX_ZIP_TOTAL:
        yield name, Rejected(_("The archive expands to more than 1 GB."))
        return
    for info in entries:
        member = f"{name} › {info.filename}"
        if PurePosixPath(info.filename).name.startswith(".") or "__MACOSX" in info.filename:
            continue
        if info.file_size > max_bytes():
            yield member, Rejected(_("It is larger than %(limit)d MB.") % {"limit": max_bytes() // 2**20})
            continue
        try:
            with archive.open(info) as stream:
                data = stream.read(max_bytes() + 1)  # never trust the size the archive claims
        except (zipfile.BadZipFile, OSError, RuntimeError) as error:
            yield member, Rejected(_("It cannot be extracted (%(error)s).") % {"error": error})
            continue
        if len(data) > max_bytes():
            yield member, Rejected(_("It is larger than %(limit)d MB.") % {"limit": max_bytes() // 2**20})
        else:
            yield member, data


def inspect(data):
    """Check one file's content; returns ``(pillow format, width, height, metadata)``."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in FORMATS:
                    raise Rejected(
                        _("It is not a JPEG, PNG, WebP or GIF image (it is %(kind)s).")
                        % {"kind": image.format or _("unknown")}
                    )
                width, height = image.size
                if width * height > max_pixels():
                    raise Rejected(
                        _("It has %(mp)d megapixels; the limit is %(limit)d (decompression bomb guard).")
                        % {"mp": width * height // 10**6, "limit": max_pixels() // 10**6}
                    )
                try:
                    metadata = photo_metadata.read(image)
                except photo_metadata.BrokenMetadata as error:
                    raise Rejected(
                        _("Its EXIF metadata is damaged: %(error)s.") % {"error": error}
                    ) from error
                image.load()  # decode everything: truncated or corrupt data fails here
                return image.format, width, height, metadata
        except Rejected:
            raise
        except UnidentifiedImageError as error:
            raise Rejected(_("It is not an image.")) from error
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise Rejected(_("It has too many pixels (decompression bomb guard).")) from error
        except (OSError, SyntaxError, ValueError) as error:
            raise Rejected(_("The image is damaged (%(error)s).") % {"error": error}) from error


def _filename(name, extension):
    stem = slugify(PurePosixPath(name.split(" › ")[-1]).stem)[:60] or "photo"
    return get_valid_filename(f"{stem}.{extension}")


def _store(name, data, kind, metadata, defaults, user, locale):
    """Save the image and its draft item in one transaction; remove the stored file on failure."""
    image = CustomImage(
        title=(metadata.title or PurePosixPath(name.split(" › ")[-1]).stem)[:255],
        alt_text=(metadata.title or "")[:255],
        credit=(metadata.copyright or defaults.credit)[:255],
        caption=metadata.caption[:500],
        collection=defaults.collection or Collection.get_first_root_node(),
        uploaded_by_user=user,
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    try:
        with transaction.atomic():
            filename = _filename(name, FORMATS[kind])
            image.file.save(filename, ImageFile(io.BytesIO(data), name=filename), save=False)
            image.save()
            item = ExhibitionItem(
                locale=locale,
                kind=defaults.kind,
                image=image,
                title=image.title,
                caption=metadata.caption,
                date_text=metadata.date_text,
                date_from=metadata.taken,
                date_to=metadata.taken,
                place=metadata.place,
                creator=(metadata.creator or defaults.creator)[:255],
                rights=(metadata.copyright or defaults.rights)[:255],
                credit=(metadata.copyright or defaults.credit)[:255],
                source=defaults.source,
                organisation=own_organisation(user, locale),
                live=False,
                has_unpublished_changes=True,
            )
            item.save()
            item.save_revision(user=user, log_action=True)
            return item
    except Exception:
        if image.file.name:
            image.file.storage.delete(image.file.name)
        raise


def process(uploads, *, user=None, defaults=None, locale=None):
    """Turn uploaded files (and zip archives) into draft items; returns one report per file."""
    defaults = defaults or Defaults()
    locale = locale or Locale.get_default()
    reports, seen = [], {}
    for upload in uploads:
        for name, data in _members(upload):
            if isinstance(data, Rejected):
                reports.append(FileReport(name, REJECTED, str(data)))
                continue
            digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
            existing = CustomImage.objects.filter(file_hash=digest).first()
            if existing or digest in seen:
                reports.append(
                    FileReport(
                        name,
                        DUPLICATE,
                        _("The same image is already in the library as “%(title)s”.")
                        % {"title": existing.title if existing else seen[digest]},
                        existing=existing,
                    )
                )
                continue
            try:
                kind, _width, _height, metadata = inspect(data)
                item = _store(name, data, kind, metadata, defaults, user, locale)
            except Rejected as error:
                reports.append(FileReport(name, REJECTED, str(error)))
                continue
            except Exception:
                logger.exception("Bulk upload could not store %s", name)
                reports.append(FileReport(name, REJECTED, _("It could not be saved; nothing was kept.")))
                continue
            seen[digest] = item.title
            reports.append(FileReport(name, ACCEPTED, item=item, found=metadata.found()))
    return reports
