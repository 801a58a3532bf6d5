"""Finding English left in an admin page rendered in Vietnamese or Khmer.

English is recognised by its words: the words of every msgid in the English catalogues of the
packages whose admin strings we translate (``upstream_messages.SOURCES``) and of our own
catalogue. A word counts as English when it is one of those words and is not

* part of what people typed (titles, names, captions: every text column in the database, see
  :func:`typed_data`), removed from the page first;
* a name written the same in every language (:data:`NAMES`, and the languages' own names);
* in Vietnamese pages, a Vietnamese syllable written without diacritics ("con", "theo"): a word
  of our Vietnamese catalogues that has the shape of a Vietnamese syllable.

Khmer pages are held to more: any word in Latin letters left once names and typed data are
removed is reported, English or Vietnamese, because Django falls back to the default language's
(Vietnamese) translation of a string the Khmer catalogue lacks.

What is read: the visible text (not scripts, styles or keyboard keys), the attributes people
see or hear (:data:`ATTRIBUTES`, and the value of buttons), and the strings the admin's scripts
render from JSON (menu labels, block labels and help, Wagtail's ``STRINGS``), leaving out the
values of fields (what people typed) and identifiers.
"""

import json
import re
import unicodedata
import zoneinfo
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import Path

import polib
from bs4 import BeautifulSoup, Comment, Doctype

from django.apps import apps
from django.conf import settings
from django.db import models

#: Names and abbreviations that are the same in Vietnamese, English and Khmer text.
NAMES = (
    "Wagtail Localize",
    "Wagtail",
    "Google Authenticator",
    "FreeOTP",
    "Aegis",
    "LibreTranslate",
    "DeepL",
    "JavaScript",
    "Embedly",
    "OpenSearch",
    "Elasticsearch",
    "UNESCO",
    "Unicode",
    "LED",
    "ZIP",
    "zip",
    "URL",
    "URLs",
    "UTC",
    "UUID",
    "PDF",
    "CSV",
    "XLSX",
    "XLIFF",
    "PO",
    "JSON",
    "HTML",
    "HTTPS",
    "CSRF",
    "IIIF",
    "OAI-PMH",
    "QR",
    "SEO",
    "API",
    "ID",
    "IPv4",
    "IPv6",
    "SSO",
    "LDAP",
    "TOTP",
    "ISO",
    "DD",
    "HH",
    "MM",
    "YYYY",
    "ss",
    "uuuuuu",
    "TZ",
    "CC BY-SA",
    "CC BY-NC",
    "CC BY-ND",
    "CC BY",
    "CC0",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "GIF",
    "JPEG",
    "JPG",
    "PNG",
    "WebP",
    "WEBP",
    "AVIF",
    "SVG",
    "EXIF",
    "IPTC",
    "XMP",
    "KB",
    "MB",
    "GB",
    "Ctrl",
    "Alt",
    "Shift",
    "Esc",
)
#: Loan words that a language writes as English does ("trang web", "địa chỉ email").
LOAN_WORDS = {"vi": {"web", "email"}, "km": set()}
#: Attributes whose text people see (tooltips, placeholders) or hear (labels read by screen readers).
ATTRIBUTES = (
    "title",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-valuetext",
    "placeholder",
    "alt",
    "label",
    "data-w-tooltip-content-value",
    "data-w-progress-active-value",
    "data-w-clipboard-message-value",
)
#: JSON keys whose values are data or identifiers, not text shown as written.
JSON_DATA_KEYS = {
    "value",
    "values",
    "default",
    "_id",
    "id",
    "name",
    "icon",
    "icon_name",
    "classname",
    "className",
    "url",
    "_type",
    "type",
    "CSRF_TOKEN",
    "CSRF_HEADER_NAME",
    "code",
    "locale",
    "attrs",
    "href",
    "pattern",
    "selector",
    "blockDefId",
    "format",
    "formatTime",
    "attributes",
}
#: A word: letters of any script (so "Tháng" is one word, not "Th" and "ng").
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
PLACEHOLDER = re.compile(r"%\([^)]*\)[a-z]|%[a-z]|\{[^}]*\}|<[^>]+>|&[a-z]+;")
#: Addresses, file extensions and version numbers in running text ("http://domain.com/blog/",
#: ".zip", "v8.0.1").
ADDRESS = re.compile(r"\b[a-z]+://\S+|\S+@\S+\.\w+|(?<!\w)\.[a-z0-9]{2,5}\b|\bv\d+(?:\.\d+)+\b")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
IDENTIFIER = re.compile(r"^[a-z0-9_\-./:#%?=&+]*$|^[A-Z0-9_]+$")
VIETNAMESE_SYLLABLE = re.compile(
    r"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$"
)
CATALOGUES = Path(settings.BASE_DIR) / "translations"


def _text_of(entry):
    return " ".join(filter(None, (entry.msgid, entry.msgid_plural)))


def _words(text):
    """The words of a catalogue string, lower-cased, without its placeholders and tags."""
    return {word.lower() for word in WORD.findall(PLACEHOLDER.sub(" ", text)) if word.isascii()}


@cache
def english_words():
    """Every word of the msgids we translate (upstream and ours), lower-cased."""
    from translations.management.commands.upstream_messages import DOMAINS, SOURCES

    words = set()
    for source in SOURCES:
        for domain in DOMAINS:
            for path in source.catalogues("en", domain):
                for entry in polib.pofile(str(path)):
                    words |= _words(_text_of(entry))
    for entry in polib.pofile(str(CATALOGUES / "locale" / "en" / "LC_MESSAGES" / "django.po")):
        words |= _words(_text_of(entry))
    return frozenset(word for word in words if len(word) > 1)


def _entries(folder, language):
    for path in (CATALOGUES / folder).glob(f"{language}/LC_MESSAGES/*.po"):
        yield from polib.pofile(str(path))


@cache
def vietnamese_syllables():
    """Words of our Vietnamese translations that are Vietnamese syllables without diacritics.

    A word counts only from a translation whose English does not have it too: "con" (in "trang
    con", child page) is Vietnamese; "True" in "phải là True hoặc False" is English kept as is.
    """
    words = set()
    for folder in ("locale", "upstream_locale"):
        for entry in _entries(folder, "vi"):
            translation = " ".join([entry.msgstr, *entry.msgstr_plural.values()])
            words |= _words(translation) - _words(_text_of(entry))
    return frozenset(word for word in words if VIETNAMESE_SYLLABLE.match(word))


#: Tables whose text is written by code, not typed by people (Django's permission names are
#: English: shown, they must be translated).
NOT_TYPED = ("auth.permission", "contenttypes.contenttype", "sessions.session")


def typed_data():
    """Every value of a text column in the database: what people typed, and the demo content."""
    values = set()
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed or model._meta.label_lower in NOT_TYPED:
            continue
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField, models.FileField)) and not field.choices
        ]
        if not fields:
            continue
        for row in model._base_manager.values_list(*fields):
            for value in row:
                if isinstance(value, str) and value.strip():
                    values.add(value.strip())
                    values.add(value.rsplit("/", 1)[-1])  # a file's name, as listings show it
    return values


@dataclass(frozen=True)
class Finding:
    where: str
    text: str
    words: tuple

    def __str__(self):
        return f"{self.where}: {self.text[:160]!r} -> {', '.join(self.words)}"


class EnglishDetector:
    """Finds English words in pages of one admin language; build it once per test (it reads the
    database's text columns)."""

    def __init__(self, language, typed=()):
        """``typed``: what the test itself typed into the screens (a search term)."""
        self.language = language
        names = [unicodedata.normalize("NFC", name) for name in [*NAMES, *dict(settings.LANGUAGES).values()]]
        self.names = sorted(set(names), key=len, reverse=True)
        # What people typed, and names the admin lists as they are (time zones).
        data = typed_data() | zoneinfo.available_timezones() | set(typed)
        data = {unicodedata.normalize("NFC", value) for value in data}
        self.data = data
        # Long values first, so that a title is removed before a word inside it.
        self.data_fragments = sorted((value for value in data if len(value) >= 3), key=len, reverse=True)
        allowed = set(LOAN_WORDS[language])
        if language == "vi":
            allowed |= vietnamese_syllables()
        self.english = english_words() - allowed
        self.loan_words = LOAN_WORDS[language]

    def english_in(self, text):
        text = " ".join(unicodedata.normalize("NFC", text).split())
        if not text or text in self.data or self._truncated_data(text):
            return ()
        text = ADDRESS.sub(" ", PLACEHOLDER.sub(" ", text))
        if not re.search("[A-Za-z]", text):
            return ()
        for fragment in self.data_fragments:
            if fragment in text:
                text = re.sub(rf"(?<!\w){re.escape(fragment)}(?!\w)", " ", text)
        for name in self.names:
            text = re.sub(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", " ", text)
        if self.language == "km":
            words = WORD.findall(text)
            found = [word for word in words if LATIN.search(word) and word not in self.loan_words]
        else:
            found = [word for word in WORD.findall(text) if word.isascii() and word.lower() in self.english]
        return tuple(dict.fromkeys(found))

    def _truncated_data(self, text):
        """Whether ``text`` is the start of something people typed, cut short with an ellipsis."""
        if not text.endswith(("…", "...")):
            return False
        start = text.rstrip(".…").strip()
        return len(start) >= 3 and any(value.startswith(start) for value in self.data_fragments)

    def findings(self, where, content, content_type="text/html"):
        """English in an HTML page, a JSON response (choosers answer with HTML inside JSON) or text."""
        if "json" in content_type:
            data = json.loads(content)
            pieces = []
            for key, value in _json_strings(data):
                if key == "html":
                    pieces.extend(self._html_pieces(value))
                else:
                    pieces.append((f"json {key}", value))
        elif "html" in content_type:
            pieces = self._html_pieces(content)
        else:
            pieces = [("text", line) for line in content.splitlines()]
        result = []
        for place, text in pieces:
            words = self.english_in(text)
            if words:
                result.append(Finding(f"{where} [{place}]", " ".join(text.split()), words))
        return result

    def _html_pieces(self, html):
        soup = BeautifulSoup(html, "html.parser")
        pieces = []
        for tag in soup.find_all(True):
            for attribute in ATTRIBUTES:
                value = tag.get(attribute)
                if isinstance(value, str):
                    pieces.append((f"{tag.name}@{attribute}", value))
            submit = tag.name == "input" and tag.get("type") in ("submit", "button", "reset")
            if submit and isinstance(tag.get("value"), str):
                pieces.append((f"{tag.name}@value", tag["value"]))
            for attribute, value in tag.attrs.items():
                if attribute.startswith("data-") and isinstance(value, str) and value[:1] in "{[":
                    pieces.extend(self._json_pieces(f"{tag.name}@{attribute}", value))
        for string in soup.find_all(string=True):
            if isinstance(string, (Comment, Doctype)):
                continue
            parent = string.parent
            if parent.name == "script":
                if parent.get("type") == "application/json":
                    pieces.extend(self._json_pieces(f"script#{parent.get('id')}", str(string)))
                continue
            if parent.name in ("style", "kbd", "code", "pre", "textarea") or string.find_parent("kbd"):
                continue
            pieces.append((parent.name, str(string)))
        return pieces

    def _json_pieces(self, where, text):
        try:
            data = json.loads(text)
        except ValueError:
            return []
        pieces = []
        for key, value in _json_strings(data):
            stripped = value.strip()
            if stripped.startswith("<"):  # a widget's HTML, rendered by the admin's scripts
                pieces += [(f"{where} {key} {place}", text) for place, text in self._html_pieces(value)]
            elif stripped[:1] in "{[":  # JSON in JSON (a rich text editor's empty value)
                pieces += self._json_pieces(f"{where} {key}", value)
            else:
                pieces.append((f"{where} {key}", value))
        return pieces


def _json_strings(data, key=""):
    """(key, text) for the strings in a JSON document that are shown as written."""
    if isinstance(data, dict):
        for child_key, value in data.items():
            if child_key in JSON_DATA_KEYS:
                continue
            yield from _json_strings(value, child_key)
    elif isinstance(data, list):
        for value in data:
            yield from _json_strings(value, key)
    elif isinstance(data, str) and data.strip() and not IDENTIFIER.match(data.strip()):
        yield key, data


def upstream_js_msgids():
    """(msgctxt, msgid) of every JavaScript string of the packages we translate."""
    from translations.management.commands.upstream_messages import SOURCES

    entries = {}
    for source in SOURCES:
        for path in source.catalogues("en", "djangojs"):
            for entry in polib.pofile(str(path)):
                if entry.msgid and not entry.obsolete:
                    entries[(entry.msgctxt, entry.msgid)] = entry
    return entries


def package_root(package):
    return Path(import_module(package).__file__).parent
