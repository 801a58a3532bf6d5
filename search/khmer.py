"""Khmer text for search: spelling normalisation, orthographic syllables and words.

Khmer is written without spaces between words, often with zero-width spaces as hidden word
separators, and the same word turns up in several spellings that look identical on screen.
:func:`normalize` makes those spellings one; :func:`syllables` splits text into orthographic
syllables (a base letter with its subscripts, vowel signs and diacritics); :func:`words` segments
it into words with khmercut's CRF model (chosen on measured quality and speed: ``docs/SEARCH.md``).
"""

import re
import unicodedata
from functools import lru_cache

COENG = "\u17d2"
RO = "\u179a"
# Characters that start a new orthographic syllable unless they follow a COENG: consonants
# U+1780–U+17A2, independent vowels U+17A3–U+17B3, digits U+17E0–U+17E9 and Khmer symbols.
_BASE = re.compile("[\u1780-\u17b3\u17d4-\u17dc\u17e0-\u17e9\u17f0-\u17f9]")
_KHMER = re.compile("[\u1780-\u17ff\u19e0-\u19ff]")
_KHMER_RUN = re.compile("[\u1780-\u17d3\u17dc\u17dd\u17e0-\u17e9\u19e0-\u19ff]+")  # not punctuation ។ ៕ ៗ…
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u17b4\u17b5"))
_RO_FIRST = re.compile(f"{COENG}{RO}({COENG}[\u1780-\u17a2])")
_SPELLINGS = [
    (f"{COENG}\u178a", f"{COENG}\u178f"),  # COENG DA and COENG TA write the same subscript: ស្ដ/ស្ត
    ("\u17c1\u17b8", "\u17be"),  # េ + ី typed for ើ
    ("\u17c1\u17b6", "\u17c4"),  # េ + ា typed for ោ
    ("\u17a3", "\u17a2"),  # deprecated independent vowel QAQ: អ
    ("\u17a4", "\u17a2\u17b6"),  # deprecated independent vowel QAA: អា
]


def has_khmer(text):
    return bool(text) and bool(_KHMER.search(text))


def normalize(text):
    """One spelling for what readers see as the same text: NFC, no zero-width characters or
    invisible inherent vowels, COENG DA as COENG TA, subscript RO after other subscripts (the common
    ស្រ្តី for ស្ត្រី), split vowel signs joined."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    for variant, standard in _SPELLINGS:
        text = text.replace(variant, standard)
    previous = None
    while previous != text:  # ្រ្ត → ្ត្រ, repeated for stacked subscripts
        previous, text = text, _RO_FIRST.sub(lambda m: m.group(1) + COENG + RO, text)
    return text


def normalize_with_offsets(text):
    """:func:`normalize`, and for each character of the result the index in ``text`` it came from
    (so a match found in normalised text can be marked in the original)."""
    out, offsets, index = [], [], 0
    invisible = set(map(chr, _INVISIBLE))
    while index < len(text):
        for variant, standard in _SPELLINGS:
            if text.startswith(variant, index):
                out.extend(standard)
                offsets.extend([index] * len(standard))
                index += len(variant)
                break
        else:
            if text[index] not in invisible:
                out.append(text[index])
                offsets.append(index)
            index += 1
    normalised = "".join(out)
    reordered = normalize(normalised)
    return reordered, offsets if len(reordered) == len(offsets) else [offsets[0]] * len(reordered)


def runs(text):
    """``(start, end)`` of each run of Khmer letters and signs in ``text``."""
    return [match.span() for match in _KHMER_RUN.finditer(text)]


def syllables(run):
    """Orthographic syllables of a run of (normalised) Khmer text."""
    parts, current = [], ""
    for index, character in enumerate(run):
        starts = _BASE.match(character) and not (index and run[index - 1] == COENG)
        if starts and current:
            parts.append(current)
            current = ""
        current += character
    if current:
        parts.append(current)
    return parts


@lru_cache(maxsize=1)
def _tagger():
    import khmercut

    return khmercut


@lru_cache(maxsize=20_000)
def words(run):
    """Words of a run of (normalised) Khmer text, by khmercut's CRF segmenter."""
    if not run:
        return ()
    return tuple(word for word in _tagger().tokenize(run) if word.strip())
