"""Bulk import of products from CSV or XLSX: a dry run that reports every problem by row and
column, then an all-or-nothing commit. Rows are matched by ``identifier``: re-importing an
exported file updates the products it names instead of duplicating them.

The columns are those of the export, from the one list both use (``library.columns``);
``url``, ``language`` and ``last_published_at`` are accepted and ignored, so an exported file can
be edited and imported back.

All validation happens in :func:`check`, and :func:`commit` writes exactly the plans ``check``
made, in one transaction, so a file that passes the check cannot fail when it is written: every
cell is checked for control characters and length, every value is parsed by the rules in
``ACCEPTED``, the resulting page is validated by the model's own field validation (lengths,
choices, the database's integer range), permissions are asked of the page's permission tester,
and descriptions go through Wagtail's rich-text whitelist for the field's features.

Identifiers are issued by the site only (``library.models.IdentifierSequence``): a row may name
an existing product to update it, never a new identifier.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter

from home import spreadsheets
from home.models import Channel, Convention, Organisation, PageProvince, ProductType, Province
from home.parameters import CONTROL_CHARACTERS, safe_echo
from newsroom.roles import organisation_of, organisations_for, own_organisation
from newsroom.uploads import unpacked_size
from search.folding import fold, slugify_folded

from . import columns, identifiers
from .models import IdentifierSequence, Language, LibraryPage, Licence, ProductPage

MAX_BYTES = 5 * 1024 * 1024
#: An XLSX file is a zip archive: what it may unpack to (measured, not read from its headers).
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 5000
#: The most a cell may hold: a spreadsheet's own limit, so every file that opens in one fits.
MAX_CELL = 32_767
#: How many problems the report lists; the rest are counted.
MAX_SHOWN_PROBLEMS = 200
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_WHOLE_NUMBER = 2_147_483_647  # what every database stores in a positive integer column
REQUIRED = ("title", "product_type")
#: Columns of the export the site sets (``url``, ``language``, ``last_published_at``): accepted, ignored.
IGNORED = set(columns.INFORMATIONAL)
COLUMN_ORDER = columns.IMPORTED
KNOWN = set(COLUMN_ORDER)
MULTILINE = {"description"}
TRUE, FALSE = {"1", "true", "yes", "y", "x", "có", "co"}, {"0", "false", "no", "n", "không", "khong", ""}
_TAG = re.compile(r"<[A-Za-z!/?]")
_SPACES = re.compile(r"\s+")
#: Fields of ProductPage the import sets, validated by the model before anything is written.
FIELDS = (
    "title",
    "description",
    "product_type",
    "producer",
    "commissioner",
    "produced_on",
    "published_on",
    "duration_minutes",
    "page_count",
    "reprint_allowed",
    "rebroadcast_allowed",
    "state_funded",
    "licence",
    "convention_articles",
    "attribution",
    "funding_programme",
)
#: What each column accepts, said in every problem about it.
ACCEPTED = {
    "identifier": gettext_lazy(
        "empty for a new product; to update one, its identifier from the export, such as AG-2026-000123"
    ),
    "title": gettext_lazy("text of at most 255 characters"),
    "description": gettext_lazy("text, or HTML with bold, italic, links, lists and superscript"),
    "product_type": gettext_lazy("one of the product type codes: %(codes)s"),
    "channels": gettext_lazy("channel codes separated by “;”: %(codes)s"),
    "content_languages": gettext_lazy("ISO 639-3 codes separated by “;”: %(codes)s"),
    "conventions": gettext_lazy("convention codes separated by “;”: %(codes)s"),
    "convention_articles": gettext_lazy("text of at most 200 characters"),
    "provinces": gettext_lazy("province slugs or names separated by “;”, such as an-giang or Thừa Thiên Huế"),
    "producer": gettext_lazy("an organisation’s slug or name, such as bao-an-giang"),
    "commissioner": gettext_lazy("an organisation’s slug or name, such as bao-an-giang"),
    "produced_on": gettext_lazy("a date from 1900 to 2100, as YYYY-MM-DD or DD/MM/YYYY"),
    "published_on": gettext_lazy("a date from 1900 to 2100, as YYYY-MM-DD or DD/MM/YYYY"),
    "embargo_until": gettext_lazy("a date from 1900 to 2100, as YYYY-MM-DD or DD/MM/YYYY"),
    "duration_minutes": gettext_lazy("a whole number from 0 to 2147483647"),
    "page_count": gettext_lazy("a whole number from 0 to 2147483647"),
    "licence": gettext_lazy("one of: %(codes)s"),
    "attribution": gettext_lazy("text of at most 255 characters"),
    "funding_programme": gettext_lazy("text of at most 255 characters"),
    "reprint_allowed": gettext_lazy("yes or no (also 1 or 0, true or false, có or không)"),
    "rebroadcast_allowed": gettext_lazy("yes or no (also 1 or 0, true or false, có or không)"),
    "state_funded": gettext_lazy("yes or no (also 1 or 0, true or false, có or không)"),
}
LIMITS = {"title": 255, "convention_articles": 200, "attribution": 255, "funding_programme": 255}


class ImportFileError(Exception):
    """The file as a whole cannot be read."""


@dataclass
class Problem:
    row: int
    column: str
    message: str


@dataclass
class Report:
    rows: int = 0
    to_create: int = 0
    to_update: int = 0
    problems: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # what the import changed in a cell, not blocking
    warnings: list = field(default_factory=list)  # likely duplicates: said, never blocking
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems

    @property
    def shown_problems(self):
        return self.problems[:MAX_SHOWN_PROBLEMS]

    @property
    def hidden_problems(self):
        return max(0, len(self.problems) - MAX_SHOWN_PROBLEMS)

    def as_dict(self):
        return {
            "rows": self.rows,
            "to_create": self.to_create,
            "to_update": self.to_update,
            "problems": [vars(p) for p in self.problems],
            "notes": [vars(n) for n in self.notes],
            "warnings": [vars(w) for w in self.warnings],
            "created": self.created,
            "updated": self.updated,
        }


@dataclass
class Plan:
    """What :func:`commit` writes for one row: a new product, or a new revision of ``target``."""

    row: int
    target: ProductPage | None
    product: ProductPage
    m2m: dict
    provinces: list


# Reading ---------------------------------------------------------------------------------------


def _header(cells):
    header = [str(cell).strip().lower() for cell in cells]
    unknown = [column for column in header if column and column not in KNOWN | IGNORED]
    if unknown:
        shown = ", ".join(f"“{safe_echo(column, max_length=40)}”" for column in unknown[:5])
        if len(unknown) > 5:
            shown += " " + _("and %(count)s more") % {"count": len(unknown) - 5}
        raise ImportFileError(
            _("Unknown columns: %(columns)s. Accepted columns: %(accepted)s.")
            % {"columns": shown, "accepted": ", ".join(COLUMN_ORDER)}
        )
    repeated = sorted({column for column in header if column and header.count(column) > 1})
    if repeated:
        raise ImportFileError(
            _("Columns named more than once: %(columns)s. Name each column once.")
            % {"columns": ", ".join(repeated)}
        )
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise ImportFileError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    return header


def _csv_table(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(_("The CSV file is not UTF-8 text. Save it as “CSV UTF-8”.")) from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    number = 0
    while True:
        number += 1
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field larger" in str(error):
                message = _(
                    "Row %(row)s: a cell is longer than %(limit)s characters, the most a cell may hold."
                )
            else:
                message = _("Row %(row)s cannot be read as CSV: check its quotation marks.")
            raise ImportFileError(message % {"row": number, "limit": f"{MAX_CELL:,}"}) from error


def _xlsx_table(content):
    from openpyxl import load_workbook

    unpacked = unpacked_size(content, MAX_UNPACKED_BYTES)
    if unpacked is None:
        raise ImportFileError(
            _("The XLSX file cannot be opened. Save it again as an Excel workbook (.xlsx).")
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError(
            _("The XLSX file unpacks to more than %(size)s MB; split it into smaller files.")
            % {"size": MAX_UNPACKED_BYTES // 1024 // 1024}
        )
    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield ["" if cell is None else cell for cell in row]
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise ImportFileError(
            _("The XLSX file cannot be opened. Save it again as an Excel workbook (.xlsx).")
        ) from error


def _cell(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return spreadsheets.restored(str(value).strip())  # an exported "'=…" is the text "=…"


def read_rows(name, content):
    """``[(row number, {column: text})]`` from a CSV or XLSX file; row 1 is the header."""
    if len(content) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // 1024 // 1024})
    lowered = name.lower()
    if lowered.endswith(".csv"):
        table = _csv_table(content)
    elif lowered.endswith(".xlsx"):
        table = _xlsx_table(content)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    first = next(table, None)
    if not first or not any(str(cell).strip() for cell in first):
        raise ImportFileError(_("The file has no header row."))
    header = _header(first)
    rows = []
    for number, cells in enumerate(table, start=2):
        # Every column of the header, a short row's missing cells as empty: a column the file has
        # is set (an empty cell clears it), a column it does not have is left as it is.
        values = dict.fromkeys((column for column in header if column in KNOWN), "")
        values.update(
            {header[i]: _cell(cell) for i, cell in enumerate(cells) if i < len(header) and header[i] in KNOWN}
        )
        if any(values.values()):
            rows.append((number, values))
            if len(rows) > MAX_ROWS:
                raise ImportFileError(_("The file has more than %(rows)s rows.") % {"rows": MAX_ROWS})
    return rows


# Checking --------------------------------------------------------------------------------------


class Vocabulary:
    """Lookups of codes, slugs and names in one locale, loaded once per import."""

    def __init__(self, locale):
        self.types = {t.code: t for t in ProductType.objects.filter(locale=locale)}
        self.channels = {c.code: c for c in Channel.objects.filter(locale=locale)}
        self.conventions = {c.code.upper(): c for c in Convention.objects.filter(locale=locale)}
        self.languages = {language.code: language for language in Language.objects.all()}
        self.organisations = {}
        for organisation in Organisation.objects.filter(locale=locale):
            for key in (organisation.slug, fold(organisation.name), fold(organisation.short_name)):
                if key:
                    self.organisations[key] = organisation
        self.provinces = {}
        units = sorted(Province.objects.filter(locale=locale), key=lambda unit: not unit.is_current)
        for province in units:  # a name shared by a current and a former unit means the current one
            for key in (province.slug, fold(province.name), *(fold(a) for a in province.aliases)):
                self.provinces.setdefault(key, province)

    def accepted(self, column):
        codes = {
            "product_type": sorted(self.types),
            "channels": sorted(self.channels),
            "content_languages": sorted(self.languages),
            "conventions": sorted(self.conventions),
            "licence": list(Licence.values),
        }.get(column)
        text = ACCEPTED[column]
        return text % {"codes": short_list(codes)} if codes is not None else str(text)


#: The most accepted values a message lists; the rest are counted, so a message stays readable.
MAX_LISTED = 30


def short_list(codes):
    """``a, b, c`` — or the first :data:`MAX_LISTED` and how many more."""
    codes = list(codes)
    shown = ", ".join(str(code) for code in codes[:MAX_LISTED])
    if len(codes) > MAX_LISTED:
        shown += " " + _("and %(count)s more") % {"count": len(codes) - MAX_LISTED}
    return shown


class _Row:
    """Problems and notes of one row, each saying what was wrong and what the column accepts."""

    def __init__(self, number, vocabulary, report):
        self.number, self.vocabulary, self.report = number, vocabulary, report
        self.ok = True

    def problem(self, column, wrong, *, accepted=True):
        message = str(wrong)
        if accepted and column in ACCEPTED:
            message += " " + _("Accepted: %(accepted)s.") % {"accepted": self.vocabulary.accepted(column)}
        self.report.problems.append(Problem(self.number, column, message))
        self.ok = False

    def note(self, column, message):
        self.report.notes.append(Problem(self.number, column, str(message)))


def _shown(value):
    return safe_echo(value, max_length=60)


def _date(value):
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%dT%H:%M:%S"):
        try:
            day = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if FIRST_YEAR <= day.year <= LAST_YEAR:
            return day
        break
    raise ValueError(_("“%(value)s” is not a date from 1900 to 2100.") % {"value": _shown(value)})


def _bool(value):
    lowered = fold(value)
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise ValueError(_("“%(value)s” is not yes or no.") % {"value": _shown(value)})


def _whole_number(value):
    """Digits, optionally followed by a zero fraction (``12``, ``12.0``, ``12,0``); nothing else:
    ``1e400``, ``inf`` and ``nan`` are not numbers a person writes."""
    match = re.fullmatch(r"([0-9]{1,200})(?:[.,]0*)?", value)
    if match is None:
        raise ValueError(_("“%(value)s” is not a whole number.") % {"value": _shown(value)})
    number = int(match.group(1))
    if number > MAX_WHOLE_NUMBER:
        raise ValueError(_("“%(value)s” is too large.") % {"value": _shown(value)})
    return number


def _cells_ok(values, row):
    """No control characters, no over-long cells; line breaks only in a description."""
    for column, value in values.items():
        found = CONTROL_CHARACTERS.search(value.replace("\n", "").replace("\r", "").replace("\t", ""))
        if found:
            row.problem(
                column,
                _("Contains a control character (U+%(code)04X); remove it.") % {"code": ord(found.group())},
                accepted=False,
            )
        elif len(value) > MAX_CELL:
            row.problem(
                column,
                _("Longer than %(limit)s characters, the most a cell may hold.") % {"limit": f"{MAX_CELL:,}"},
                accepted=False,
            )
        elif column in LIMITS and len(_SPACES.sub(" ", value)) > LIMITS[column]:
            row.problem(column, _("Longer than %(limit)s characters.") % {"limit": LIMITS[column]})
    return row.ok


def _description(value, row, features):
    """Database HTML for the description: plain text becomes escaped paragraphs; HTML keeps only
    what the editor allows for the field (Wagtail's rich-text whitelist), and the row says what was
    removed."""
    if not value:
        return ""
    if not _TAG.search(value):
        return "".join(f"<p>{escape(line.strip())}</p>" for line in value.splitlines() if line.strip())
    cleaned, removals = DbHTMLConverter(features=features).clean(value)
    if removals:
        tags = sorted({f"<{removal.tag}>" for removal in removals})
        row.note(
            "description",
            _("Removed what a description may not hold: %(tags)s.") % {"tags": ", ".join(tags)},
        )
    return cleaned


def clean_row(row, values):
    """Validated field values for one row (``None`` when a cell cannot be read at all); a problem
    per bad cell."""
    vocabulary = row.vocabulary
    if not _cells_ok(values, row):
        return None
    values = {
        column: value if column in MULTILINE else _SPACES.sub(" ", value).strip()
        for column, value in values.items()
    }
    cleaned = {"m2m": {}}
    for column in REQUIRED:
        if not values.get(column):
            row.problem(column, _("Required."))
    if values.get("title"):
        cleaned["title"] = values["title"]
    features = ProductPage._meta.get_field("description").features
    # A column the file does not have leaves the field as it is (a file of a few columns updates
    # those columns only); a column present and empty clears it.
    if "description" in values:
        cleaned["description"] = _description(values["description"], row, features)
    if values.get("product_type"):
        if values["product_type"] in vocabulary.types:
            cleaned["product_type"] = vocabulary.types[values["product_type"]]
        else:
            row.problem(
                "product_type", _("“%(value)s” is not known.") % {"value": _shown(values["product_type"])}
            )
    for column, table, key in (
        ("channels", vocabulary.channels, str),
        ("content_languages", vocabulary.languages, str.lower),
        ("conventions", vocabulary.conventions, str.upper),
    ):
        if column not in values:
            continue
        chosen = []
        for item in _split(values[column]):
            if key(item) in table:
                chosen.append(table[key(item)])
            else:
                row.problem(column, _("“%(value)s” is not known.") % {"value": _shown(item)})
        cleaned["m2m"][column] = chosen
    places = []
    for item in _split(values.get("provinces", "")):
        province = vocabulary.provinces.get(item) or vocabulary.provinces.get(fold(item))
        if province is None:
            row.problem("provinces", _("“%(value)s” is not a known province.") % {"value": _shown(item)})
        else:
            places.append(province)
    cleaned["provinces"] = places if "provinces" in values else None
    for column in ("producer", "commissioner"):
        if values.get(column):
            organisation = vocabulary.organisations.get(values[column]) or vocabulary.organisations.get(
                fold(values[column])
            )
            if organisation is None:
                row.problem(
                    column, _("“%(value)s” is not a known organisation.") % {"value": _shown(values[column])}
                )
            cleaned[column] = organisation
    for column, parse in (
        ("produced_on", _date),
        ("published_on", _date),
        ("embargo_until", _date),
        ("duration_minutes", _whole_number),
        ("page_count", _whole_number),
        ("reprint_allowed", _bool),
        ("rebroadcast_allowed", _bool),
        ("state_funded", _bool),
    ):
        if values.get(column):
            try:
                cleaned[column] = parse(values[column])
            except ValueError as error:
                row.problem(column, error)
    if values.get("licence"):
        if values["licence"] in Licence.values:
            cleaned["licence"] = values["licence"]
        else:
            row.problem("licence", _("“%(value)s” is not known.") % {"value": _shown(values["licence"])})
    for column in ("convention_articles", "attribution", "funding_programme"):
        if column in values:
            cleaned[column] = values[column]
    return cleaned


def _split(value):
    return [part.strip() for part in re.split(r"[;|]", value) if part.strip()]


def _apply(product, cleaned):
    for name in FIELDS:
        if name in cleaned:
            setattr(product, name, cleaned[name])
    if "embargo_until" in cleaned:
        product.embargo_until = cleaned["embargo_until"]


def _validate_model(product, row, *, existing):
    """The model's own validation, as saving will run it: all of ``full_clean`` for an existing
    product (what ``save_revision`` runs); for a new one, which has no place in the tree yet, the
    validation of the fields the import sets (lengths, choices, the database's integer range)."""
    try:
        if existing:
            product.full_clean()
        else:
            product.clean_fields(
                exclude=[f.name for f in ProductPage._meta.fields if f.name not in _VALIDATED]
            )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                row.problem("" if name == "__all__" else name, message, accepted=False)


_VALIDATED = {*FIELDS, "go_live_at", "embargo_until"}


def _existing(rows, locale):
    """Products named by the file's well-formed identifiers: ``({identifier: product in locale},
    {identifiers of products only in other languages})``."""
    named = {v["identifier"] for _n, v in rows if identifiers.is_identifier(v.get("identifier", ""))}
    found, elsewhere = {}, set()
    for product in ProductPage.objects.filter(identifier__in=named).select_related("locale"):
        if product.locale_id == locale.pk:
            found[product.identifier] = product
        else:
            elsewhere.add(product.identifier)
    return found, elsewhere - set(found)


def _target(number, values, existing, elsewhere, seen, row):
    """The product a row updates, or None for a new one; problems when the identifier is wrong."""
    identifier = values.get("identifier", "")
    if not identifier:
        return None
    if not identifiers.is_identifier(identifier):
        row.problem("identifier", _("“%(value)s” is not an identifier.") % {"value": _shown(identifier)})
        return None
    if identifier in seen:
        row.problem("identifier", _("Also on row %(row)s.") % {"row": seen[identifier]}, accepted=False)
    seen.setdefault(identifier, number)
    if identifier in elsewhere:
        row.problem(
            "identifier",
            _("Product %(value)s has no version in this language yet: translate it in the admin first.")
            % {"value": identifier},
            accepted=False,
        )
        return None
    if identifier not in existing:
        row.problem(
            "identifier",
            _("No product has the identifier %(value)s: identifiers are issued by the site.")
            % {"value": identifier},
        )
        return None
    return existing[identifier]


def _may_change(target, cleaned, user, allowed_keys, own, publish, row):
    """An organisation's editor imports only their organisation's products, and every update and
    publication is asked of the product's permission tester."""
    if allowed_keys is not None:
        producer = cleaned.get("producer")
        if producer is None and own is not None and target is None:
            cleaned["producer"] = own
        elif producer is not None and producer.translation_key not in allowed_keys:
            row.problem(
                "producer", _("You may import only your own organisation’s products."), accepted=False
            )
    if target is None or user is None:
        return
    permissions = target.permissions_for_user(user)
    if allowed_keys is not None and organisation_of(target) not in allowed_keys:
        row.problem("identifier", _("This product belongs to another organisation."), accepted=False)
    elif not permissions.can_edit():
        row.problem("identifier", _("You may not edit this product."), accepted=False)
    elif permissions.page_locked():
        row.problem("identifier", _("This product is locked by another user."), accepted=False)
    elif publish and not permissions.can_publish():
        row.problem(
            "identifier", _("You may not publish this product: import without publishing."), accepted=False
        )


def _dates(cleaned):
    return {(name, cleaned[name]) for name in ("published_on", "produced_on") if cleaned.get(name)}


def _likely_duplicates(new_rows, locale, report):
    """A warning for each row without an identifier whose title and date (publication or
    production) are those of a product already in this language, or of an earlier row of the file:
    re-importing a file whose identifiers were left out would otherwise create every product again.
    ``new_rows`` is ``[(row number, cleaned values)]``."""
    keyed = [(number, fold(cleaned.get("title", "")), _dates(cleaned)) for number, cleaned in new_rows]
    keyed = [(number, title, dates) for number, title, dates in keyed if title and dates]
    if not keyed:
        return
    days = {day for _n, _t, dates in keyed for _name, day in dates}
    known = {}
    products = ProductPage.objects.filter(locale=locale).filter(
        models.Q(published_on__in=days) | models.Q(produced_on__in=days)
    )
    for product in products.only("identifier", "title", "published_on", "produced_on").order_by("pk"):
        for key in _dates({"published_on": product.published_on, "produced_on": product.produced_on}):
            known.setdefault((fold(product.title), key), product.identifier)
    earlier = {}
    for number, title, dates in keyed:
        found = sorted({known[(title, key)] for key in dates if (title, key) in known})
        rows_before = sorted({earlier[(title, key)] for key in dates if (title, key) in earlier})
        if found:
            report.warnings.append(
                Problem(
                    number,
                    "title",
                    _(
                        "Likely a duplicate of %(identifiers)s (same title and date): without an "
                        "identifier this row creates a new product. To update the existing one, put "
                        "its identifier in the row."
                    )
                    % {"identifiers": ", ".join(found)},
                )
            )
        elif rows_before:
            report.warnings.append(
                Problem(
                    number,
                    "title",
                    _("Likely a duplicate of row %(row)s (same title and date).") % {"row": rows_before[0]},
                )
            )
        for key in dates:
            earlier.setdefault((title, key), number)


def check(rows, locale, *, user=None, publish=False):
    """The dry run: validate everything, decide create or update per row, change nothing.

    Returns the report and the plans :func:`commit` writes when the report has no problem.
    """
    report = Report(rows=len(rows))
    library = LibraryPage.objects.filter(locale=locale).first()
    if library is None:
        report.problems.append(Problem(0, "", _("There is no library page in this language.")))
        return report, []
    allowed = organisations_for(user) if user is not None else None
    allowed_keys = set(allowed.values_list("translation_key", flat=True)) if allowed is not None else None
    own = own_organisation(user, locale)
    vocabulary = Vocabulary(locale)
    existing, elsewhere = _existing(rows, locale)
    seen, plans, new_rows = {}, [], []
    for number, values in rows:
        row = _Row(number, vocabulary, report)
        cleaned = clean_row(row, values)
        if cleaned is None:
            continue
        target = _target(number, values, existing, elsewhere, seen, row)
        if values.get("identifier") and target is None:
            continue  # the identifier is wrong: nothing to plan
        _may_change(target, cleaned, user, allowed_keys, own, publish, row)
        product = ProductPage(locale=locale, live=False, owner=user) if target is None else None
        if target is not None:
            product = target.get_latest_revision_as_object()  # keeps draft changes made since
        _apply(product, cleaned)
        if row.ok:  # the model's own validation, as saving runs it; after ours, never repeating it
            _validate_model(product, row, existing=target is not None)
        if target is None:
            new_rows.append((number, cleaned))
        report.to_update += 1 if target else 0
        report.to_create += 0 if target else 1
        plans.append(Plan(number, target, product, cleaned["m2m"], cleaned["provinces"]))
    _likely_duplicates(new_rows, locale, report)
    return report, plans


# Writing ---------------------------------------------------------------------------------------


def _free_slug(library, product):
    base = f"{slugify_folded(product.title, 50)}-{product.identifier.lower()}".strip("-")
    slug, number = base, 1
    while library.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def commit(rows, locale, *, user=None, publish=False):
    """Check, then write every plan in one transaction; nothing changes when there is a problem.

    New products are drafts unless ``publish``; updates are new revisions, published only when
    ``publish`` (a reviewer's or administrator's choice: the check refuses it to others)."""
    with transaction.atomic():
        report, plans = check(rows, locale, user=user, publish=publish)
        if not report.ok:
            return report
        library = LibraryPage.objects.get(locale=locale)
        for plan in plans:
            product = plan.product
            if plan.target is None:
                day = product.published_on or product.produced_on or timezone.localdate()
                product.identifier = IdentifierSequence.next_identifier(day.year)
                product.slug = _free_slug(library, product)
                library.add_child(instance=product)
            for column, relation in (
                ("channels", product.channels),
                ("content_languages", product.languages),
                ("conventions", product.conventions),
            ):
                if column in plan.m2m:
                    relation.set(plan.m2m[column])
            if plan.provinces is not None:
                product.province_tags.set([PageProvince(province=province) for province in plan.provinces])
            revision = product.save_revision(user=user, log_action=True)
            if publish:
                revision.publish(user=user)
            (report.updated if plan.target else report.created).append(product.identifier)
    return report
