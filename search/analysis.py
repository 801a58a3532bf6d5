"""Text analysis for search: the one place that turns text into index terms, for every backend.

Documents and queries go through the same functions, so SQLite FTS5, PostgreSQL and an
Elasticsearch/OpenSearch cluster all see identical terms and only ever split on whitespace.

Latin script (Vietnamese, English, names):
- every word yields a **folded** term: lower case, no diacritics, ``đ`` → ``d`` (``quyen``);
- a word with Vietnamese marks also has an **exact** form that keeps them in a form that does
  not depend on where the tone mark was typed: vowel marks as digits after their vowel and the
  tone as a digit at the end of the syllable (VNI style: ``quyền`` → ``quye6n2``; ``hoà`` and
  ``hòa`` → ``hoa2``; ``uỷ`` and ``ủy`` → ``uy3``). A query typed with diacritics matches both
  forms of a document with the same word, and only the folded form of one that differs, so
  exact matches rank first; a query typed without them matches every spelling;
- English documents and English queries also have a Snowball **stem** (``rights`` → ``right``);
  English stop words are left out of what an English query must match.

A text gives two streams of terms, one term per word in each, so that a word's position is the
same in both and phrases can be matched in either: the **folded** stream, and the **variant**
stream (each word's exact form, or for English its stem, or else its folded form again). Keeping
the two apart is what makes phrases work: with both forms of a word at consecutive positions, no
phrase of folded terms could ever match, and PostgreSQL's ``ts_rank`` took a word's two forms for
two adjacent query words.

Khmer (see :mod:`search.khmer`): text is normalised, segmented into **words** (khmercut) and
split into orthographic **syllables**. Words are ordinary terms; syllables go to a separate
field and are matched as a phrase, so a word the segmenter kept inside a longer compound is still
found (ranked below a whole-word match).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from . import khmer

MAX_QUERY_CHARACTERS = 200
MAX_QUERY_GROUPS = 12
#: Put between two texts of a document (title, body, metadata) in a stream, so that no phrase
#: runs from one text into the next. A real token (every backend drops punctuation without
#: consuming a position), which queries never contain.
SEPARATOR = "zq0sep"

# Combining marks of Vietnamese, as VNI digits: tones 1–5, vowel marks 6–8 (and đ is 9).
TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
VOWEL_MARKS = {"\u0302": "6", "\u031b": "7", "\u0306": "8"}
#: A word: letters and digits, and the combining marks among them. Text is composed (NFC) before
#: this, but a tone typed before the vowel mark (``e`` + grave + circumflex) does not compose
#: into one letter, and without the marks here that word was cut in two at the loose mark.
_LATIN_WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")
_LATIN_COMBINING = re.compile("[\u0300-\u036f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# fmt: off
ENGLISH_STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in",
    "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "there", "these", "they",
    "this", "to", "was", "were", "which", "will", "with",
})
# fmt: on


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=100_000)
def latin_forms(word):
    """``(folded, exact)`` of one Latin-script word; ``exact`` is ``None`` without Vietnamese marks."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    folded, exact, tone, marked = [], [], "", False
    for character in decomposed:
        if character in TONES:
            tone, marked = TONES[character], True
        elif character in VOWEL_MARKS:
            exact.append(VOWEL_MARKS[character])
            marked = True
        elif _LATIN_COMBINING.match(character):
            continue  # other accents (é in a French name) fold away
        elif character == "đ":
            folded.append("d")
            exact.append("d9")
            marked = True
        else:
            folded.append(character)
            exact.append(character)
    folded_word = "".join(folded)
    return folded_word, ("".join(exact) + tone) if marked else None


def stem(folded_word):
    return (
        _stemmer().stemWord(folded_word) if folded_word.isascii() and folded_word.isalpha() else folded_word
    )


@dataclass
class Group:
    """One thing the reader typed: a Latin word or a Khmer run, with every form it may match."""

    terms: list = field(default_factory=list)  # alternatives, any of which matches (folded first)
    exact: str = None  # the form with the diacritics the reader typed, if any (ranks first)
    phrase: list = field(default_factory=list)  # Khmer words, matched as consecutive terms
    syllables: list = field(default_factory=list)  # Khmer syllables, matched as a phrase
    stem: str = None  # the English stem, where it differs from the folded word
    skipped: list = field(default_factory=list)  # stop words typed just before it (phrases only)

    @property
    def tokens(self):
        """The group's folded terms in reading order, as they stand in the folded stream."""
        return self.phrase if self.phrase else self.terms[:1]

    @property
    def variant_tokens(self):
        """The group's terms as they stand in the variant stream."""
        if self.phrase:
            return self.phrase
        return [self.exact or self.stem or self.terms[0]]


@dataclass
class Analysed:
    terms: list  # the folded stream: one term per word, in order
    variants: list  # the variant stream, aligned with ``terms``
    syllables: list  # Khmer syllables, in order


def _latin_terms(word, english):
    folded, exact = latin_forms(word)
    terms = [folded]
    if exact:
        terms.append(exact)
    if english:
        stemmed = stem(folded)
        if stemmed != folded:
            terms.append(stemmed)
    return terms


def _pieces(text):
    """``(kind, text)`` in reading order: ``("latin", word)`` or ``("khmer", run)``."""
    text = khmer.normalize(_CONTROL.sub(" ", text or ""))
    position = 0
    for start, end in khmer.runs(text):
        for word in _LATIN_WORD.findall(text[position:start]):
            if not khmer.has_khmer(word):
                yield "latin", word
        yield "khmer", text[start:end]
        position = end
    for word in _LATIN_WORD.findall(text[position:]):
        if not khmer.has_khmer(word):
            yield "latin", word


def _variant(folded, exact, english):
    if exact:
        return exact
    return stem(folded) if english else folded


def analyse(text, *, english=False):
    """Index terms of a document's text: the folded and the variant stream, and Khmer syllables."""
    terms, variants, syllables = [], [], []
    for kind, piece in _pieces(text):
        if kind == "latin":
            folded, exact = latin_forms(piece)
            if folded:
                terms.append(folded)
                variants.append(_variant(folded, exact, english))
        else:
            words = khmer.words(piece)
            terms.extend(words)
            variants.extend(words)
            syllables.extend(khmer.syllables(piece))
    return Analysed(terms, variants, syllables)


def index_fields(title, texts, *, english=False):
    """The analysed columns of a search document from its title and its texts (body, metadata,
    attached files: each analysed on its own, so that no phrase runs from one into the next)."""
    title_terms = analyse(title, english=english)
    bodies = [analyse(text, english=english) for text in texts if text]
    body_terms = [term for body in bodies for term in body.terms + [SEPARATOR]][:-1]
    variants = title_terms.variants + [SEPARATOR]
    variants += [term for body in bodies for term in body.variants + [SEPARATOR]]
    syllables = []
    for analysed in [title_terms, *bodies]:
        if analysed.syllables:
            syllables += [*analysed.syllables, SEPARATOR]
    return {
        "title_terms": " ".join(title_terms.terms),
        "body_terms": " ".join(body_terms),
        "variant_terms": " ".join(variants[:-1]),
        "syllables": " ".join(syllables[:-1]),
    }


def clean_query(text):
    """What a reader typed, made safe: NFC, no control characters, at most 200 characters."""
    text = unicodedata.normalize("NFC", text or "")
    text = _CONTROL.sub(" ", text).replace("\ufffd", " ")
    return " ".join(text.split())[:MAX_QUERY_CHARACTERS]


def analyse_query(text, *, english=False):
    """Groups of a query, each of which a result must match (at most 12)."""
    groups, skipped = [], []
    for kind, piece in _pieces(clean_query(text)):
        if kind == "latin":
            folded, exact = latin_forms(piece)
            if not folded or folded == SEPARATOR:
                continue
            if english and piece.casefold() in ENGLISH_STOP_WORDS:
                skipped.append(folded)
                continue
            stemmed = stem(folded) if english else folded
            groups.append(
                Group(
                    terms=list(dict.fromkeys(_latin_terms(piece, english))),
                    exact=exact,
                    stem=stemmed if stemmed != folded else None,
                    skipped=skipped,
                )
            )
        else:
            words, syllables = list(khmer.words(piece)), khmer.syllables(piece)
            if words:
                groups.append(Group(phrase=words, syllables=syllables, skipped=skipped))
        skipped = []
    return groups[:MAX_QUERY_GROUPS]


def phrases(groups):
    """``(folded, variant)``: the query's terms in order as they would stand in a document that
    has the reader's words together, in each stream (stop words the reader typed between two
    words kept in place), or ``None`` when there are not two words to stand together.
    ``variant`` is ``None`` when it would say nothing ``folded`` does not (no diacritics typed,
    nothing stemmed)."""
    if len(groups) < 2:
        return None
    folded, variant = [], []
    for number, group in enumerate(groups):
        skipped = group.skipped if number else []
        folded += skipped + group.tokens
        variant += [stem(word) for word in skipped] + group.variant_tokens
    return folded, (variant if variant != folded else None)


def prefix_terms(text):
    """Folded terms for autocomplete: the last one is a prefix still being typed."""
    groups = analyse_query(text)
    terms = []
    for group in groups:
        terms.append(group.terms[0] if group.terms else " ".join(group.phrase))
    return terms
