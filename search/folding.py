"""Text folding for matching what readers type against what editors wrote.

Vietnamese: NFC and NFD input match, tone marks and vowel marks are dropped (old and new tone
placement, ``hoà``/``hòa``, fold to the same letters) and ``đ`` becomes ``d``. Only the Latin
combining marks U+0300–U+036F are removed: stripping every combining character would also delete
the Khmer COENG sign (U+17D2) and break Khmer words.
"""

import re
import unicodedata

_LATIN_COMBINING = re.compile("[\u0300-\u036f]")
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})
_NON_WORD = re.compile(r"[^\w]+")


def fold(text):
    """Lower-case, accent-free form of ``text`` for comparisons (keeps Khmer intact)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text))
    stripped = _LATIN_COMBINING.sub("", decomposed).translate(_D_STROKE)
    return " ".join(unicodedata.normalize("NFC", stripped).casefold().split())


def slugify_folded(text, max_length=80):
    """An ASCII slug from Vietnamese text (``Đắk Lắk`` → ``dak-lak``)."""
    slug = _NON_WORD.sub("-", fold(text).encode("ascii", "ignore").decode()).strip("-")
    return slug[:max_length].rstrip("-")
