"""The site's own Noto Sans fonts (static/fonts) for PDF reports.

The files are variable WOFF2 subsets split by script (Latin, Vietnamese, Khmer). fpdf2 embeds
TrueType, so each is instantiated once per process at the weight needed (regular 400, bold 700)
with fontTools into a cache folder; Latin is the main font and the Vietnamese and Khmer subsets
are its fallbacks, character by character. Text shaping (HarfBuzz) orders Khmer vowels and
subscript consonants.
"""

import hashlib
import tempfile
import threading
from pathlib import Path

from django.conf import settings

FAMILY = "NotoSans"
FALLBACKS = ("NotoSansVietnamese", "NotoSansKhmer")
#: family -> (regular file, italic file or None)
SOURCES = {
    FAMILY: ("noto-sans-latin-wght-normal.woff2", "noto-sans-latin-wght-italic.woff2"),
    "NotoSansVietnamese": (
        "noto-sans-vietnamese-wght-normal.woff2",
        "noto-sans-vietnamese-wght-italic.woff2",
    ),
    "NotoSansKhmer": ("noto-sans-khmer-khmer-wght-normal.woff2", None),
}
WEIGHTS = {"": 400, "B": 700}
_lock = threading.Lock()
_built = {}


def fonts_dir():
    return Path(settings.BASE_DIR) / "static" / "fonts"


def _instance(source, weight, target):
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(source)
    if "fvar" in font:
        font = instancer.instantiateVariableFont(font, {"wght": weight})
    font.flavor = None  # WOFF2 in, plain TrueType out
    font.save(target)


def files():
    """``{(family, style): path}`` of TrueType files, built on first use."""
    with _lock:
        if _built:
            return dict(_built)
        sources = fonts_dir()
        stamp = hashlib.sha256()
        for regular, italic in SOURCES.values():
            for name in filter(None, (regular, italic)):
                stamp.update(name.encode() + str((sources / name).stat().st_size).encode())
        cache = Path(tempfile.gettempdir()) / f"nhanquyen-pdf-fonts-{stamp.hexdigest()[:12]}"
        cache.mkdir(exist_ok=True)
        for family, (regular, italic) in SOURCES.items():
            for bold, weight in WEIGHTS.items():
                for slant, source in (("", regular), ("I", italic or regular)):
                    style = bold + slant
                    target = cache / f"{family}-{style or 'R'}.ttf"
                    if not target.exists():
                        partial = target.with_suffix(".part")
                        _instance(sources / source, weight, partial)
                        partial.replace(target)
                    _built[(family, style)] = target
        return dict(_built)


def install(document):
    """Register the fonts on an ``fpdf.FPDF`` document and turn on shaping and fallbacks."""
    for (family, style), path in files().items():
        document.add_font(family, style, str(path))
    document.set_font(FAMILY, "", 12)
    document.set_fallback_fonts(list(FALLBACKS), exact_match=False)
    document.set_text_shaping(True)
