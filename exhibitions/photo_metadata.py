"""What a photograph says about itself: title, date taken, caption, creator, copyright and place,
read from XMP, IPTC and EXIF (in that order of preference: XMP carries Unicode and language
alternatives, IPTC often does, EXIF text is usually ASCII).

:func:`read` returns a :class:`PhotoMetadata`; it raises :class:`BrokenMetadata` when the file
carries an EXIF block that cannot be parsed, so the uploader can refuse it with a clear reason.
"""

import re
import warnings
from dataclasses import dataclass, fields
from datetime import date

from defusedxml import ElementTree
from PIL import IptcImagePlugin

EXIF_IFD = 0x8769
EXIF_TAGS = {"title": 0x9C9B, "caption": 0x010E, "creator": 0x013B, "copyright": 0x8298}
EXIF_DATES = (0x9003, 0x9004, 0x0132)  # DateTimeOriginal, DateTimeDigitized, DateTime
IPTC = {
    "title": (2, 5),
    "caption": (2, 120),
    "creator": (2, 80),
    "copyright": (2, 116),
    "date": (2, 55),
    "city": (2, 90),
    "sublocation": (2, 92),
    "state": (2, 95),
}
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "photoshop": "http://ns.adobe.com/photoshop/1.0/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "exif": "http://ns.adobe.com/exif/1.0/",
    "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DATE = re.compile(r"^(\d{4})(?:[-:]?(\d{2}))?(?:[-:]?(\d{2}))?")


class BrokenMetadata(ValueError):
    """The file's EXIF block is damaged."""


@dataclass
class PhotoMetadata:
    title: str = ""
    caption: str = ""
    creator: str = ""
    copyright: str = ""
    place: str = ""
    taken: date | None = None
    date_text: str = ""

    def found(self):
        """The names of the fields the file filled in."""
        return [f.name for f in fields(self) if getattr(self, f.name) and f.name != "date_text"]


def parse_date(text):
    """``(date, display text)`` from EXIF ``2019:05:04 10:11``, IPTC ``20190504`` or XMP ISO
    ``2019-05-04T…``, ``2019-05`` or ``2019``; ``(None, "")`` when it is not a date."""
    match = _DATE.match((text or "").strip())
    if not match:
        return None, ""
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day and month:
            return date(year, month, day), f"{day}/{month}/{year}"
        if month:
            return date(year, month, 1), f"{month}/{year}"
        return date(year, 1, 1), str(year)
    except ValueError:
        return None, ""


def _clean(value):
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            value = value.decode("latin-1")
    text = " ".join(str(value).replace("\x00", " ").split())
    return "" if set(text) <= {"?", " "} else text


def _exif(image):
    raw = image.info.get("exif")
    if not raw:
        return {}
    header = raw[6:10] if raw.startswith(b"Exif\x00\x00") else raw[:4]
    if header not in (b"II*\x00", b"MM\x00*"):
        raise BrokenMetadata("its EXIF block does not start with a valid TIFF header")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exif = image.getexif()
            sub = exif.get_ifd(EXIF_IFD)
        except Exception as error:  # Pillow raises many types on damaged EXIF
            raise BrokenMetadata(f"its EXIF block cannot be read ({error})") from error
    if any("exif" in str(warning.message).lower() for warning in caught):
        raise BrokenMetadata("its EXIF block is damaged")
    values = {}
    for name, tag in EXIF_TAGS.items():
        value = exif.get(tag)
        if tag == 0x9C9B and isinstance(value, bytes):  # XPTitle is UTF-16LE
            value = value.decode("utf-16-le", "ignore")
        if value:
            values[name] = _clean(value)
    for tag in EXIF_DATES:
        if sub.get(tag) or exif.get(tag):
            values["date"] = _clean(sub.get(tag) or exif.get(tag))
            break
    return values


def _iptc(image):
    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except Exception:
        return {}
    values = {}
    for name, key in IPTC.items():
        value = info.get(key)
        if isinstance(value, list):
            value = b", ".join(value)
        if value:
            values[name] = _clean(value)
    return values


def _alternative(element, language):
    """Text of an XMP property: a plain value, an rdf:Alt (by language) or an rdf:Seq/Bag."""
    if element is None:
        return ""
    items = element.findall(".//rdf:li", NS)
    if not items:
        return _clean(element.text or "")
    by_language = {item.get(XML_LANG, "x-default"): _clean(item.text or "") for item in items}
    if element.find("rdf:Alt", NS) is not None:
        return by_language.get(language) or by_language.get("x-default") or next(iter(by_language.values()))
    return ", ".join(_clean(item.text or "") for item in items if item.text)


def _xmp(image, language):
    raw = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if not raw:
        return {}
    try:
        root = ElementTree.fromstring(raw if isinstance(raw, bytes) else raw.encode("utf-8"))
    except Exception:
        return {}
    values = {}
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        # Properties may be attributes (photoshop:City="…") or child elements.
        attributes = {key: _clean(value) for key, value in description.attrib.items()}
        for name, paths in {
            "title": ["dc:title"],
            "caption": ["dc:description"],
            "creator": ["dc:creator"],
            "copyright": ["dc:rights"],
            "date": ["photoshop:DateCreated", "exif:DateTimeOriginal", "xmp:CreateDate"],
            "city": ["photoshop:City"],
            "state": ["photoshop:State"],
            "sublocation": ["Iptc4xmpCore:Location"],
        }.items():
            for path in paths:
                prefix, local = path.split(":")
                value = attributes.get(f"{{{NS[prefix]}}}{local}") or _alternative(
                    description.find(path, NS), language
                )
                if value and name not in values:
                    values[name] = value
    return values


def read(image, language="vi"):
    """Metadata of an opened Pillow image; XMP wins over IPTC, which wins over EXIF."""
    merged = {}
    for source in (_exif(image), _iptc(image), _xmp(image, language)):
        merged.update({key: value for key, value in source.items() if value})
    taken, date_text = parse_date(merged.get("date"))
    place = ", ".join(dict.fromkeys(filter(None, (merged.get(k) for k in ("sublocation", "city", "state")))))
    return PhotoMetadata(
        title=merged.get("title", "")[:255],
        caption=merged.get("caption", ""),
        creator=merged.get("creator", "")[:255],
        copyright=merged.get("copyright", "")[:255],
        place=place[:255],
        taken=taken,
        date_text=date_text,
    )
