"""Bulk import of products from CSV or XLSX: a dry run that reports every problem by row and
column, then an all-or-nothing commit. Rows are matched by ``identifier``: re-importing a file
updates the products it created instead of duplicating them.

The columns are those of the export (``library.export.COLUMNS``); ``url``, ``language`` and
``last_published_at`` are ignored, so an exported file can be edited and imported back.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.models import Channel, Convention, Organisation, PageProvince, ProductType, Province
from newsroom.roles import organisation_of, organisations_for, own_organisation
from search.folding import fold, slugify_folded

from .export import COLUMNS
from .models import IdentifierSequence, Language, LibraryPage, Licence, ProductPage

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
REQUIRED = ("title", "product_type")
IGNORED = {"url", "language", "last_published_at"}
KNOWN = (set(COLUMNS) - IGNORED) | {"description", "embargo_until"}
IDENTIFIER = re.compile(r"^[A-Z]{2,8}-\d{4}-\d{6}$")
TRUE, FALSE = {"1", "true", "yes", "y", "x", "có", "co"}, {"0", "false", "no", "n", "không", "khong", ""}


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
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems

    def as_dict(self):
        return {
            "rows": self.rows,
            "to_create": self.to_create,
            "to_update": self.to_update,
            "problems": [vars(p) for p in self.problems],
            "created": self.created,
            "updated": self.updated,
        }


def read_rows(name, content):
    """``[(row number, {column: text})]`` from a CSV or XLSX file; row 1 is the header."""
    if len(content) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // 1024 // 1024})
    lowered = name.lower()
    if lowered.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError(_("The CSV file is not UTF-8 text.")) from error
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        table = list(csv.reader(io.StringIO(text), dialect))
    elif lowered.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        except Exception as error:
            raise ImportFileError(_("The XLSX file cannot be opened.")) from error
        table = [["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    if not table or not any(table[0]):
        raise ImportFileError(_("The file has no header row."))
    header = [str(cell).strip().lower() for cell in table[0]]
    unknown = [column for column in header if column and column not in KNOWN | IGNORED]
    if unknown:
        raise ImportFileError(_("Unknown columns: %(columns)s") % {"columns": ", ".join(unknown)})
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise ImportFileError(_("Missing columns: %(columns)s") % {"columns": ", ".join(missing)})
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {
            header[i]: (cell.isoformat() if isinstance(cell, date | datetime) else str(cell).strip())
            for i, cell in enumerate(cells)
            if i < len(header) and header[i] in KNOWN
        }
        if any(values.values()):
            rows.append((number, values))
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(rows)s rows.") % {"rows": MAX_ROWS})
    return rows


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


def _split(value):
    return [part.strip() for part in re.split(r"[;|]", value) if part.strip()]


def _date(value):
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(_("not a date (use YYYY-MM-DD or DD/MM/YYYY)"))


def _bool(value):
    lowered = fold(value)
    if lowered in TRUE:
        return True
    if lowered in FALSE:
        return False
    raise ValueError(_("not yes or no"))


def _positive(value):
    number = float(value.replace(",", "."))
    if number < 0 or number != int(number):
        raise ValueError(_("not a whole number"))
    return int(number)


def clean_row(number, values, vocabulary, report):
    """Validated field values for one row; appends a Problem per bad cell."""
    cleaned = {"m2m": {}}

    def problem(column, message):
        report.problems.append(Problem(number, column, str(message)))

    for column in REQUIRED:
        if not values.get(column):
            problem(column, _("required"))
    if values.get("title"):
        cleaned["title"] = values["title"][:255]
    cleaned["description"] = values.get("description", "")
    if values.get("product_type"):
        if values["product_type"] in vocabulary.types:
            cleaned["product_type"] = vocabulary.types[values["product_type"]]
        else:
            problem("product_type", _("unknown product type “%(value)s”") % {"value": values["product_type"]})
    for column, table, key in (
        ("channels", vocabulary.channels, str),
        ("content_languages", vocabulary.languages, str.lower),
        ("conventions", vocabulary.conventions, str.upper),
    ):
        chosen = []
        for item in _split(values.get(column, "")):
            if key(item) in table:
                chosen.append(table[key(item)])
            else:
                problem(column, _("unknown value “%(value)s”") % {"value": item})
        cleaned["m2m"][column] = chosen
    places = []
    for item in _split(values.get("provinces", "")):
        province = vocabulary.provinces.get(item) or vocabulary.provinces.get(fold(item))
        if province is None:
            problem("provinces", _("unknown province “%(value)s”") % {"value": item})
        else:
            places.append(province)
    cleaned["provinces"] = places
    for column in ("producer", "commissioner"):
        if values.get(column):
            organisation = vocabulary.organisations.get(values[column]) or vocabulary.organisations.get(
                fold(values[column])
            )
            if organisation is None:
                problem(column, _("unknown organisation “%(value)s”") % {"value": values[column]})
            cleaned[column] = organisation
    for column, parse in (
        ("produced_on", _date),
        ("published_on", _date),
        ("embargo_until", _date),
        ("duration_minutes", _positive),
        ("page_count", _positive),
        ("reprint_allowed", _bool),
        ("rebroadcast_allowed", _bool),
        ("state_funded", _bool),
    ):
        if values.get(column):
            try:
                cleaned[column] = parse(values[column])
            except ValueError as error:
                problem(column, f"“{values[column]}”: {error}")
    if values.get("licence"):
        if values["licence"] in Licence.values:
            cleaned["licence"] = values["licence"]
        else:
            problem("licence", _("unknown licence “%(value)s”") % {"value": values["licence"]})
    for column in ("convention_articles", "attribution", "funding_programme"):
        if column in values:
            cleaned[column] = values[column]
    return cleaned


def check(rows, locale, *, user=None):
    """The dry run: validate everything, decide create or update per row, change nothing.

    An organisation's editor imports only their organisation's products: a blank producer becomes
    theirs, and a row naming another producer, or updating another organisation's product, is refused.
    """
    report = Report(rows=len(rows))
    allowed = organisations_for(user) if user is not None else None
    own = own_organisation(user, locale)
    allowed_keys = set(allowed.values_list("translation_key", flat=True)) if allowed is not None else None
    vocabulary = Vocabulary(locale)
    seen, plans = {}, []
    existing = {
        p.identifier: p
        for p in ProductPage.objects.filter(
            locale=locale, identifier__in=[v.get("identifier") for _, v in rows if v.get("identifier")]
        )
    }
    for number, values in rows:
        cleaned = clean_row(number, values, vocabulary, report)
        identifier = values.get("identifier", "")
        if identifier:
            if not IDENTIFIER.match(identifier):
                report.problems.append(
                    Problem(number, "identifier", _("not an identifier like AG-2026-000123"))
                )
            elif identifier in seen:
                report.problems.append(
                    Problem(number, "identifier", _("also on row %(row)s") % {"row": seen[identifier]})
                )
            seen[identifier] = number
        target = existing.get(identifier)
        if allowed_keys is not None:
            producer = cleaned.get("producer")
            if producer is None and own is not None:
                cleaned["producer"] = own
            elif producer is not None and producer.translation_key not in allowed_keys:
                report.problems.append(
                    Problem(number, "producer", _("you may import only your own organisation’s products"))
                )
            if target is not None and organisation_of(target) not in allowed_keys:
                report.problems.append(
                    Problem(number, "identifier", _("this product belongs to another organisation"))
                )
        report.to_update += 1 if target else 0
        report.to_create += 0 if target else 1
        plans.append((identifier, target, cleaned))
    return report, plans


def _apply(product, cleaned):
    for name in (
        "title",
        "description",
        "product_type",
        "producer",
        "commissioner",
        "produced_on",
        "published_on",
        "embargo_until",
        "duration_minutes",
        "page_count",
        "reprint_allowed",
        "rebroadcast_allowed",
        "state_funded",
        "licence",
        "convention_articles",
        "attribution",
        "funding_programme",
    ):
        if name in cleaned:
            setattr(product, name, cleaned[name])
    if product.description and not product.description.lstrip().startswith("<"):
        product.description = "".join(f"<p>{line}</p>" for line in product.description.splitlines() if line)


def commit(rows, locale, *, user=None, publish=False):
    """Validate, then create and update every row in one transaction; nothing changes on a problem."""
    report, plans = check(rows, locale, user=user)
    if not report.ok:
        return report
    library = LibraryPage.objects.filter(locale=locale).first()
    if library is None:
        report.problems.append(Problem(0, "", _("There is no library page in this language.")))
        return report
    with transaction.atomic():
        for identifier, product, cleaned in plans:
            created = product is None
            if created:
                product = ProductPage(locale=locale, live=False, owner=user, identifier=identifier)
            _apply(product, cleaned)
            if created:
                if not product.identifier:
                    day = product.published_on or product.produced_on or timezone.localdate()
                    product.identifier = IdentifierSequence.next_identifier(day.year)
                product.slug = f"{slugify_folded(product.title, 50)}-{product.identifier.lower()}".strip("-")
                library.add_child(instance=product)
            product.channels.set(cleaned["m2m"]["channels"])
            product.languages.set(cleaned["m2m"]["content_languages"])
            product.conventions.set(cleaned["m2m"]["conventions"])
            product.province_tags.set([PageProvince(province=province) for province in cleaned["provinces"]])
            revision = product.save_revision(user=user, log_action=True)
            if publish or product.live:
                revision.publish(user=user)
            (report.created if created else report.updated).append(product.identifier)
    return report
