"""Snippets of a result's text around what the reader searched for, with the matches marked.

Matching uses the same analysis as the index: a Latin word is marked when one of its forms
(folded, exact, stem) is one of the query's; Khmer is marked where the query's normalised text
occurs in the normalised text, so different spellings of the same word are marked too.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import analysis, khmer

_WORD = re.compile(r"[^\W_]+")


def _spans(text, groups, english):
    wanted = {term for group in groups for term in group.terms}
    phrases = ["".join(group.phrase) for group in groups if group.phrase]
    spans = []
    for match in _WORD.finditer(text):
        word = match.group()
        if khmer.has_khmer(word):
            continue
        folded, exact = analysis.latin_forms(word)
        forms = {folded, exact, analysis.stem(folded) if english else None}
        if forms & wanted:
            spans.append(match.span())
    for start, end in khmer.runs(text):
        normalised, offsets = khmer.normalize_with_offsets(text[start:end])
        for phrase in phrases:
            for found in re.finditer(re.escape(phrase), normalised):
                last = found.end() - 1
                spans.append((start + offsets[found.start()], start + offsets[last] + 1))
    return sorted(spans)


def snippet(text, groups, *, english=False, length=240):
    """Escaped HTML: a window of ``text`` around the first match, matches in ``<mark>``."""
    text = " ".join((text or "").split())
    spans = _spans(text, groups, english) if groups else []
    if spans:
        start = max(0, spans[0][0] - length // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < spans[0][0] else start
    else:
        start = 0
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts, cursor = [], start
    for span_start, span_end in spans:
        if span_start < cursor or span_end > end:
            continue
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 - every piece is escaped above
