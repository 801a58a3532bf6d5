"""Working with external translators: export source strings as PO or XLIFF 1.2, import the
translated file back with a report of what changed.

An export covers one page or a batch, for one target language. Each file (each ``<file>`` of an
XLIFF document) names the wagtail-localize translation it belongs to and the time of export.
An import is checked before anything is written: the file must parse, name a translation that
exists (and, when importing from a page, that page's), in the language the file says. Then, for
every string: new translations are added; a translation someone changed in Wagtail *after* the
export is a **conflict** and kept unless the importer chose to overwrite; others are updated.
All of a file's changes are saved in one transaction, and the translated page or snippet is
saved as a draft for an editor to check and publish.
"""

import io
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime

import polib
from defusedxml import ElementTree

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from wagtail.models import DraftStateMixin
from wagtail_localize.models import (
    String,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
MACHINE_STATE = "mt-suggestion"
MAX_BYTES = 10 * 1024 * 1024


class ExchangeError(ValueError):
    """A file that cannot be imported; the message says why, and nothing was changed."""


@dataclass
class Entry:
    context: str
    source: str
    target: str
    machine: bool = False


@dataclass
class ParsedFile:
    translation_id: uuid.UUID
    language: str
    exported_at: datetime
    entries: list = field(default_factory=list)


@dataclass
class ImportReport:
    translation: Translation
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unchanged: int = 0
    conflicts: list = field(default_factory=list)  # (source, kept, offered)
    unknown: list = field(default_factory=list)

    @property
    def target(self):
        try:
            return self.translation.get_target_instance()
        except self.translation.source.specific_content_type.model_class().DoesNotExist:
            return None


# --- export ---------------------------------------------------------------------------------


def prepare(instance, locale, user=None):
    """The wagtail-localize translation of ``instance`` into ``locale``, with its source strings
    brought up to date from the current version."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


def _title(translation):
    instance = translation.source.get_source_instance()
    return getattr(instance, "title", str(instance))


def po_file(translation, exported_at):
    po = translation.export_po()
    po.metadata["Language"] = translation.target_locale.language_code
    po.metadata["X-Nhanquyen-Exported-At"] = exported_at.isoformat()
    po.metadata["X-Nhanquyen-Title"] = _title(translation)
    return str(po).encode("utf-8")


def export_po(translations):
    """One PO file, or a zip of PO files for a batch: ``(filename, bytes, content type)``."""
    exported_at = timezone.now()
    if len(translations) == 1:
        translation = translations[0]
        name = f"{translation.source.object_id}-{translation.target_locale.language_code}.po"
        return name, po_file(translation, exported_at), "text/x-gettext-translation"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations:
            name = f"{translation.source.object_id}-{translation.target_locale.language_code}.po"
            archive.writestr(name, po_file(translation, exported_at))
    return "translations.zip", buffer.getvalue(), "application/zip"


def export_xliff(translations):
    """One XLIFF 1.2 document with a ``<file>`` per translation."""
    from xml.etree.ElementTree import Element, SubElement, tostring

    exported_at = timezone.now()
    root = Element("xliff", {"version": "1.2", "xmlns": XLIFF_NS})
    for translation in translations:
        po = translation.export_po()
        file = SubElement(
            root,
            "file",
            {
                "original": f"translation:{translation.uuid}",
                "source-language": translation.source.locale.language_code,
                "target-language": translation.target_locale.language_code,
                "datatype": "html",
                "date": exported_at.isoformat(),
            },
        )
        header = SubElement(file, "header")
        SubElement(header, "note").text = _title(translation)
        body = SubElement(file, "body")
        for number, entry in enumerate(po, start=1):
            unit = SubElement(body, "trans-unit", {"id": str(number), "resname": entry.msgctxt or ""})
            SubElement(unit, "source").text = entry.msgid
            target = SubElement(unit, "target")
            target.text = entry.msgstr
            if entry.msgstr:
                target.set("state", "translated")
    document = b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode").encode(
        "utf-8"
    )
    language = translations[0].target_locale.language_code if translations else "xx"
    return f"translations-{language}.xlf", document, "application/x-xliff+xml"


# --- reading --------------------------------------------------------------------------------


def _uuid(value):
    try:
        return uuid.UUID(str(value).removeprefix("translation:"))
    except ValueError:
        raise ExchangeError(_("The file does not say which translation it belongs to.")) from None


def _when(value):
    when = parse_datetime(value or "")
    if when is None:
        raise ExchangeError(_("The file does not say when it was exported; export it again from this site."))
    return when


def _read_po(text):
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as error:
        raise ExchangeError(_("The PO file cannot be read (%(error)s).") % {"error": error}) from error
    if "X-WagtailLocalize-TranslationID" not in po.metadata:
        raise ExchangeError(_("This PO file was not exported from this site."))
    parsed = ParsedFile(
        translation_id=_uuid(po.metadata["X-WagtailLocalize-TranslationID"]),
        language=po.metadata.get("Language", ""),
        exported_at=_when(po.metadata.get("X-Nhanquyen-Exported-At")),
    )
    for entry in po:
        if not entry.obsolete:
            machine = "machine" in entry.flags
            parsed.entries.append(Entry(entry.msgctxt or "", entry.msgid, entry.msgstr, machine))
    return [parsed]


def _read_xliff(data):
    try:
        root = ElementTree.fromstring(data)
    except Exception as error:
        raise ExchangeError(_("The XLIFF file cannot be read (%(error)s).") % {"error": error}) from error
    namespace = {"x": XLIFF_NS}
    files = root.findall("x:file", namespace)
    if root.tag != f"{{{XLIFF_NS}}}xliff" or not files:
        raise ExchangeError(_("This is not an XLIFF 1.2 file."))
    parsed = []
    for file in files:
        item = ParsedFile(
            translation_id=_uuid(file.get("original", "")),
            language=file.get("target-language", ""),
            exported_at=_when(file.get("date")),
        )
        for unit in file.iterfind("x:body/x:trans-unit", namespace):
            source, target = unit.find("x:source", namespace), unit.find("x:target", namespace)
            if source is None:
                continue
            item.entries.append(
                Entry(
                    unit.get("resname", ""),
                    source.text or "",
                    (target.text or "") if target is not None else "",
                    target is not None and target.get("state-qualifier") == MACHINE_STATE,
                )
            )
        parsed.append(item)
    return parsed


def read(name, data):
    """Parse an uploaded PO, XLIFF or zip of PO files into :class:`ParsedFile` objects."""
    if len(data) > MAX_BYTES:
        raise ExchangeError(_("The file is larger than 10 MB."))
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                members = [
                    m for m in archive.infolist() if m.filename.endswith(".po") and m.file_size < MAX_BYTES
                ]
                return [parsed for m in members for parsed in read(m.filename, archive.read(m))]
        except zipfile.BadZipFile as error:
            raise ExchangeError(_("The zip archive is damaged.")) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExchangeError(_("The file is not UTF-8 text.")) from error
    if text.lstrip().startswith("<"):
        return _read_xliff(data)
    return _read_po(text)


# --- import ---------------------------------------------------------------------------------


def _check(parsed, expected=None):
    translation = (
        Translation.objects.select_related("source", "target_locale")
        .filter(uuid=parsed.translation_id)
        .first()
    )
    if translation is None:
        raise ExchangeError(_("This file belongs to a translation that does not exist on this site."))
    if expected is not None and translation.source.object_id != expected.translation_key:
        raise ExchangeError(
            _("This file is for “%(other)s”, not for this page.") % {"other": _title(translation)}
        )
    if parsed.language and parsed.language != translation.target_locale.language_code:
        raise ExchangeError(
            _("This file says its language is “%(file)s”, but the translation is into “%(target)s”.")
            % {"file": parsed.language, "target": translation.target_locale.language_code}
        )
    return translation


def apply(parsed, *, user=None, overwrite=False, expected=None, tool_name="PO/XLIFF import"):
    """Import one parsed file; all-or-nothing. Returns an :class:`ImportReport`."""
    translation = _check(parsed, expected)
    report = ImportReport(translation)
    source = translation.source
    with transaction.atomic():
        for entry in parsed.entries:
            if not entry.target:
                continue
            string = String.objects.filter(
                locale_id=source.locale_id, data_hash=String._get_data_hash(entry.source)
            ).first()
            context = TranslationContext.objects.filter(
                object_id=source.object_id, path=entry.context
            ).first()
            if string is None or context is None:
                report.unknown.append(entry.source)
                continue
            existing = StringTranslation.objects.filter(
                translation_of=string, locale=translation.target_locale, context=context
            ).first()
            kind = (
                StringTranslation.TRANSLATION_TYPE_MACHINE
                if entry.machine
                else StringTranslation.TRANSLATION_TYPE_MANUAL
            )
            if existing is None:
                StringTranslation.objects.create(
                    translation_of=string,
                    locale=translation.target_locale,
                    context=context,
                    data=entry.target,
                    translation_type=kind,
                    tool_name=tool_name,
                    last_translated_by=user,
                )
                report.added.append(entry.source)
            elif existing.data == entry.target:
                report.unchanged += 1
            elif existing.updated_at > parsed.exported_at and not overwrite:
                report.conflicts.append((entry.source, existing.data, entry.target))
            else:
                existing.data, existing.translation_type, existing.tool_name = entry.target, kind, tool_name
                existing.last_translated_by, existing.has_error = user, False
                existing.save()
                report.changed.append(entry.source)
        if report.added or report.changed:
            # A draft for an editor to check; snippets without drafts are saved as they are.
            drafts = issubclass(source.specific_content_type.model_class(), DraftStateMixin)
            translation.save_target(user=user, publish=not drafts)
    return report


def import_file(name, data, *, user=None, overwrite=False, expected=None):
    """Read and import every translation in an uploaded file. Each file is checked before any is
    imported, so a batch with one wrong file changes nothing."""
    parsed = read(name, data)
    if not parsed:
        raise ExchangeError(_("The file holds no translations."))
    for item in parsed:
        _check(item, expected)
    with transaction.atomic():
        return [apply(item, user=user, overwrite=overwrite, expected=expected) for item in parsed]
