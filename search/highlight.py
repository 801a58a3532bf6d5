"""Snippets of a result's text around what the reader searched for, with the matches marked.

The text is first normalised exactly as the index analyses it (no control characters, NFC, one
spelling of Khmer: :func:`normalise`), so text pasted in NFD or in the legacy mixed form (a
precomposed vowel followed by a separate tone mark) is shown, matched and cut like any other.

- **Words**: a Latin-script word is its letters and digits with every combining mark among and
  after them, so a tone mark typed as its own character stays inside its word. It is marked, as
  a whole, when one of its forms (folded, exact, English stem: :mod:`search.analysis`) is one of
  the query's. When the reader typed diacritics and the text has the word with exactly those
  diacritics, only those occurrences are marked and the window is centred on them; words that
  only fold alike are marked when the text has no exact one.
- **Khmer** is marked where the query's normalised syllables occur in the normalised text
  (spaces between them allowed), starting and ending on syllable boundaries, as the index's
  syllable phrases match.
- **Cuts**: a window starts after and ends before a space when there is one nearby; inside Khmer
  (no spaces between words) at a word boundary of the segmenter the index uses (or a syllable
  boundary); otherwise at a grapheme-cluster boundary. Never between a letter and its combining
  mark, never inside a Khmer orthographic syllable, never inside a mark.
"""

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import analysis, khmer

LENGTH = 240  # characters of a snippet, about three lines
NEAR = 30  # how far from the ideal cut a space is looked for before cutting elsewhere
MAX_ANCHORS = 200  # matches considered as the window's centre

_WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # as search.analysis
_ZWJ = "\u200d"


def normalise(text):
    """``text`` as the index analyses it (:func:`search.analysis.analyse`): control characters
    as spaces, NFC, Khmer spellings made one (:func:`search.khmer.normalize`); runs of white
    space as one space."""
    text = khmer.normalize(_CONTROL.sub(" ", str(text or "")))
    return " ".join(text.split())


# --- grapheme clusters ------------------------------------------------------------------------


def _extends(character):
    """Whether ``character`` belongs to the cluster before it: a combining mark (any script,
    spacing or not), a zero-width joiner, an emoji skin-tone modifier."""
    return (
        unicodedata.category(character)[0] == "M"
        or character == _ZWJ
        or "\U0001f3fb" <= character <= "\U0001f3ff"
    )


def _hangul(character):
    """The Hangul syllable type of ``character``: L, V, T, LV, LVT, or ``None``."""
    point = ord(character)
    if 0x1100 <= point <= 0x115F or 0xA960 <= point <= 0xA97C:
        return "L"
    if 0x1160 <= point <= 0x11A7 or 0xD7B0 <= point <= 0xD7C6:
        return "V"
    if 0x11A8 <= point <= 0x11FF or 0xD7CB <= point <= 0xD7FB:
        return "T"
    if 0xAC00 <= point <= 0xD7A3:
        return "LV" if (point - 0xAC00) % 28 == 0 else "LVT"
    return None


def _regional(character):
    return "\U0001f1e6" <= character <= "\U0001f1ff"


def boundary(text, index):
    """Whether ``index`` falls between two grapheme clusters of ``text``: Unicode's extended
    grapheme cluster rules (UAX #29: marks, joiners, Hangul syllables, flag pairs; Prepend
    characters aside), and never inside a Khmer orthographic syllable (not between a COENG and
    the letter it puts below)."""
    if index <= 0 or index >= len(text):
        return True
    before, after = text[index - 1], text[index]
    if after < "\u0300" and before < "\u0300":  # most of the time: Latin letters, punctuation
        return True
    if _extends(after) or before == _ZWJ or (before == khmer.COENG and khmer.has_khmer(after)):
        return False
    left, right = _hangul(before), _hangul(after)
    if left and right:
        if left == "L" and right in ("L", "V", "LV", "LVT"):
            return False
        if left in ("LV", "V") and right in ("V", "T"):
            return False
        if left in ("LVT", "T") and right == "T":
            return False
    if _regional(before) and _regional(after):
        count = 0
        while index - 1 - count >= 0 and _regional(text[index - 1 - count]):
            count += 1
        return count % 2 == 0
    return True


# --- matches ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _word_pattern():
    """A word: a letter or digit, then letters, digits and combining marks (any script's, spacing
    or not, and what else :func:`_extends` keeps in a cluster), so ``bi`` + U+0323 is one word."""
    marks = [point for block in ((0x300, 0x20000), (0xE0000, 0xE1000)) for point in range(*block)]
    marks = [point for point in marks if _extends(chr(point))]
    ranges, first = [], 0
    for index, point in enumerate(marks):  # consecutive code points as ranges
        if index + 1 == len(marks) or marks[index + 1] != point + 1:
            ranges.append(f"{re.escape(chr(marks[first]))}-{re.escape(chr(point))}")
            first = index + 1
    return re.compile(r"[^\W_](?:[^\W_]|[" + "".join(ranges) + "])*")


def _latin_words(text):
    """``(start, end)`` of each word of :func:`_word_pattern` in ``text``."""
    return (match.span() for match in _word_pattern().finditer(text))


@lru_cache(maxsize=100_000)
def _stem(folded):
    return analysis.stem(folded)


def _syllable_start(text, index):
    """Whether a Khmer orthographic syllable, or a run of Khmer, starts or ends at ``index``
    (as :func:`search.khmer.syllables` splits)."""
    if index <= 0 or index >= len(text):
        return True
    inside = khmer._KHMER_RUN.fullmatch  # (the character classes of search.khmer, this package's)
    if not (inside(text[index - 1]) and inside(text[index])):
        return True
    return bool(khmer._BASE.match(text[index])) and text[index - 1] != khmer.COENG


def _syllable_bounds(text, runs):
    bounds = set()
    for start, end in runs:
        position = start
        for syllable in khmer.syllables(text[start:end]):
            bounds.add(position)
            position += len(syllable)
        bounds.add(end)
    return bounds


@dataclass
class _Match:
    start: int
    end: int
    group: int
    exact: bool


def _matches(text, groups, english):
    """Every occurrence in ``text`` of each group, as the reader should see it marked: for a group
    typed with diacritics that the text has exactly, only the exact occurrences."""
    latin = [(number, group) for number, group in enumerate(groups) if not group.phrase]
    wanted = {number: set(group.terms) for number, group in latin}
    found = {number: ([], []) for number in range(len(groups))}  # (exact, folded)
    terms = {term for _number, group in latin for term in group.terms}
    if terms:
        for start, end in _latin_words(text):
            word = text[start:end]
            folded, exact = analysis.latin_forms(word)
            stemmed = _stem(folded) if english else None
            if folded not in terms and exact not in terms and stemmed not in terms:
                continue
            if khmer.has_khmer(word):
                continue
            forms = {folded, exact, stemmed}
            for number, group in latin:
                if group.exact and exact == group.exact:
                    found[number][0].append((start, end))
                elif forms & wanted[number]:
                    found[number][1].append((start, end))
    for number, group in enumerate(groups):
        if group.phrase:
            for start, end in _khmer_hits(text, tuple(group.syllables or ["".join(group.phrase)])):
                found[number][1].append((start, end))
    matches = []
    for number, (exact, folded) in found.items():
        chosen, is_exact = (exact, True) if exact else (folded, False)
        matches += [_Match(*_whole(text, start, end), number, is_exact) for start, end in chosen]
    return sorted(matches, key=lambda match: (match.start, match.end))


def _khmer_hits(text, syllables):
    """Where the syllables occur, one after the other (a space between two allowed), starting and
    ending on syllable boundaries."""
    pattern = _phrase_pattern(syllables)
    for hit in pattern.finditer(text):
        start, end = hit.span(1)
        if end > start and _syllable_start(text, start) and _syllable_start(text, end):
            yield start, end


@lru_cache(maxsize=1000)
def _phrase_pattern(syllables):
    return re.compile("(?=(" + r"\s?".join(re.escape(part) for part in syllables) + "))")


def _whole(text, start, end):
    """``(start, end)`` widened to grapheme-cluster boundaries."""
    while start > 0 and not boundary(text, start):
        start -= 1
    while end < len(text) and not boundary(text, end):
        end += 1
    return start, end


def _merge(matches, text):
    """Marked ranges: matches that overlap, touch or stand one space apart as one."""
    spans = []
    for match in matches:
        if spans and (match.start <= spans[-1][1] or text[spans[-1][1] : match.start] == " "):
            spans[-1][1] = max(spans[-1][1], match.end)
        else:
            spans.append([match.start, match.end])
    return [tuple(span) for span in spans]


def _anchor(matches, length):
    """The match to centre the window on: among the exact matches if there are any, the one with
    the most of the query's words around it (the first of those)."""
    exact = [match for match in matches if match.exact]
    candidates = (exact or matches)[:MAX_ANCHORS]
    starts = [match.start for match in matches]
    best, best_score = candidates[0], -1
    for candidate in candidates:
        low = bisect.bisect_left(starts, candidate.start - length // 2)
        high = bisect.bisect_right(starts, candidate.end + length // 2)
        score = len({match.group for match in matches[low:high]})
        if score > best_score:
            best, best_score = candidate, score
    return best


# --- cutting ----------------------------------------------------------------------------------


class _Cuts:
    """Where ``text`` may be cut near a position."""

    def __init__(self, text):
        self.text = text
        self._runs = None

    def _run_at(self, position):
        if self._runs is None:
            self._runs = khmer.runs(self.text)
        starts = [start for start, _end in self._runs]
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and self._runs[index][0] < position < self._runs[index][1]:
            return self._runs[index]
        return None

    def _khmer_bounds(self, run):
        """Word boundaries of the segmenter in a Khmer run, or its syllable boundaries when the
        segmenter's words cannot be found in it again."""
        start, end = run
        bounds, position = {start, end}, start
        for word in khmer.words(self.text[start:end]):
            found = self.text.find(word, position, end)
            if found < 0:
                return sorted(_syllable_bounds(self.text, [run]))
            bounds.update((found, found + len(word)))
            position = found + len(word)
        return sorted(bound for bound in bounds if boundary(self.text, bound))

    def _inside_khmer(self, position, low, high, last):
        """The first (or ``last``) Khmer word boundary in ``[low, high]``, then syllable boundary,
        when ``position`` is inside a run of Khmer; else ``None``."""
        run = self._run_at(position)
        if run is None:
            return None
        for bounds in (self._khmer_bounds(run), sorted(_syllable_bounds(self.text, [run]))):
            inside = [bound for bound in bounds if low <= bound <= high]
            if inside:
                return inside[-1] if last else inside[0]
        return None

    def start(self, position, limit):
        """A place at or after ``position`` and at most ``limit`` (itself a boundary) to start."""
        position = self._start(position, limit)
        while position < limit and not boundary(self.text, position):
            position += 1
        return position

    def end(self, position, limit):
        """A place at or before ``position`` and at least ``limit`` (itself a boundary) to end."""
        position = self._end(position, limit)
        while position > limit and not boundary(self.text, position):
            position -= 1
        return position

    def _start(self, position, limit):
        text = self.text
        if position <= 0:
            return 0
        space = text.find(" ", position - 1, limit)
        if space >= 0 and space + 1 - position <= NEAR:
            return space + 1
        khmer_cut = self._inside_khmer(position, position, limit, last=False)
        if khmer_cut is not None:
            return khmer_cut
        if space >= 0:
            return space + 1
        return position

    def _end(self, position, limit):
        text = self.text
        if position >= len(text):
            return len(text)
        space = text.rfind(" ", limit, position + 1)
        if space >= 0 and position - space <= NEAR:
            return space
        khmer_cut = self._inside_khmer(position, limit, position, last=True)
        if khmer_cut is not None:
            return khmer_cut
        if space >= 0:
            return space
        return position


# --- the snippet ------------------------------------------------------------------------------


@dataclass
class Excerpt:
    """A window ``[start, end)`` of the normalised ``text``, with the ranges to mark in it."""

    text: str
    start: int = 0
    end: int = 0
    spans: list = field(default_factory=list)  # (start, end), inside the window, in order
    matched: bool = False  # whether the text has any of the query's words at all

    @property
    def shown(self):
        return self.text[self.start : self.end]


def excerpt(text, groups, *, english=False, length=LENGTH):
    """The part of ``text`` a snippet shows: about ``length`` characters around the best match."""
    text = normalise(text)
    length = max(int(length), 1)
    matches = _matches(text, groups, english) if groups and text else []
    cuts = _Cuts(text)
    if not matches:
        end = cuts.end(length, 0) if len(text) > length else len(text)
        return Excerpt(text, 0, end, [], False)
    anchor = _anchor(matches, length)
    room = max(length - (anchor.end - anchor.start), 0)
    start = anchor.start - room // 2
    end = anchor.end + (room - room // 2)
    if start < 0:
        start, end = 0, end - start
    if end > len(text):
        start, end = max(0, start - (end - len(text))), len(text)
    start = cuts.start(start, anchor.start)
    end = cuts.end(end, anchor.end)
    spans = _merge(matches, text)
    for span_start, span_end in spans:  # a cut never splits a marked word
        if span_start < start < span_end:
            start = span_start
        if span_start < end < span_end:
            end = span_end
    while start < anchor.start and text[start] == " ":
        start += 1
    while end > anchor.end and text[end - 1] == " ":
        end -= 1
    while start < anchor.start and not boundary(text, start):
        start += 1
    while end > anchor.end and not boundary(text, end):
        end -= 1
    inside = [(s, e) for s, e in spans if start <= s and e <= end]
    return Excerpt(text, start, end, inside, True)


def render(part):
    """Escaped HTML of an :class:`Excerpt`: the window, its matches in ``<mark>``, and an
    ellipsis where the text goes on."""
    pieces, cursor = [], part.start
    for span_start, span_end in part.spans:
        pieces.append(escape(part.text[cursor:span_start]))
        pieces.append(f"<mark>{escape(part.text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(part.text[cursor : part.end]))
    prefix = "… " if part.start else ""
    suffix = " …" if part.end < len(part.text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 - every piece is escaped above


def snippet(text, groups, *, english=False, length=LENGTH):
    """Escaped HTML: a window of ``text`` around the best match, matches in ``<mark>``."""
    return render(excerpt(text, groups, english=english, length=length))
