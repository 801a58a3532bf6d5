"""OAI-PMH 2.0 at `/oai/`: the library's products as Dublin Core (`oai_dc`) for harvesters.

One record per product identifier, with every published language version's title and
description (``xml:lang``). Sets: ``convention:<code>`` and ``province:<slug>`` (current
provinces, merger-aware). Deleted records are reported persistently from tombstones.
Lists page through ``resumptionToken``s signed by the server, so they cannot be forged.

Every answer is valid against the protocol's XML Schema (``OAI-PMH.xsd``) and every record's
metadata against ``oai_dc.xsd`` (``tests/conformance/test_oai_schema.py``). A ``GET`` says when
what it shows last changed (``Last-Modified``) and answers ``304`` to ``If-Modified-Since``: see
:func:`_last_modified`.
"""

import hashlib
import re
from datetime import UTC, datetime, time
from email.utils import parseaddr
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

from django.conf import settings
from django.core import signing
from django.db.models import Case, IntegerField, Min, OuterRef, Subquery, Value, When
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import condition, require_http_methods

from wagtail.models import Locale

from home import page_cache, parameters, provinces
from home.models import Convention, Province

from . import identifiers
from .models import ProductPage, ProductTombstone, public_products

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML = "http://www.w3.org/XML/1998/namespace"
register_namespace("oai_dc", OAI_DC)
register_namespace("dc", DC)
register_namespace("xsi", XSI)
PAGE_SIZE = 100
TOKEN_SALT = "library.oai.resumption"  # noqa: S105 (a signing salt, not a secret)
TOKEN_MAX_AGE = 24 * 3600
ARGUMENTS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
}
#: The forms of the schema's types (``OAI-PMH.xsd``): a set spec, a metadata prefix, and the dates
#: of the repository's granularity (``YYYY-MM-DD`` or ``YYYY-MM-DDThh:mm:ssZ``, digits in full).
SET_SPEC = re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*")
METADATA_PREFIX = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
SECOND = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
DATESTAMP = re.compile(f"{DAY.pattern}|{SECOND.pattern}")
#: Arguments echoed in ``<request>`` only in the form the schema gives their attribute: an error
#: about a value that has no such form (``cannotDisseminateFormat`` for ``metadataPrefix=a b``)
#: leaves the attribute out rather than make the answer invalid.
ECHOED_FORMS = {"metadataPrefix": METADATA_PREFIX, "set": SET_SPEC, "from": DATESTAMP, "until": DATESTAMP}
#: Characters XML 1.0 cannot carry, whatever an editor pasted into a title or a description.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: What the answers are made from besides the content: this module itself (``_last_modified``).
SOURCE_DIGEST = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
LAST_MODIFIED_TTL = 30 * 24 * 3600
#: The protocol's error for an argument whose value cannot name anything (a control character,
#: or longer than the limit), and that limit. An identifier that cannot exist is unknown
#: (idDoesNotExist), a prefix that cannot exist is unsupported (cannotDisseminateFormat).
VALUE_ERRORS = {
    "identifier": ("idDoesNotExist", parameters.MAX_LENGTH),
    "metadataPrefix": ("cannotDisseminateFormat", parameters.MAX_LENGTH),
    "set": ("badArgument", parameters.MAX_LENGTH),
    "from": ("badArgument", parameters.MAX_LENGTH),
    "until": ("badArgument", parameters.MAX_LENGTH),
    "resumptionToken": ("badResumptionToken", 4000),
}


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code, self.message = code, message


def _datestamp(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_date(value, *, end):
    for fmt, form, granular in (("%Y-%m-%dT%H:%M:%SZ", SECOND, True), ("%Y-%m-%d", DAY, False)):
        if not form.fullmatch(value):  # strptime alone takes 2025-1-1, which the protocol does not
            continue
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        if not granular:
            parsed = datetime.combine(parsed.date(), time.max if end else time.min)
        elif end:
            # Datestamps are shown to the second but stored to the microsecond: ``until`` is
            # inclusive (OAI-PMH 2.0, 3.3.1), so it covers the whole second it names.
            parsed = parsed.replace(microsecond=999999)
        return parsed.replace(tzinfo=UTC), granular
    raise OAIError("badArgument", f"Not a valid date: {value}")


def _oai_identifier(request, identifier):
    return f"oai:{request.get_host().split(':')[0]}:{identifier}"


def _local_identifier(request, oai_identifier):
    """The product identifier inside ``oai:<host>:<identifier>``; anything else cannot exist."""
    prefix = f"oai:{request.get_host().split(':')[0]}:"
    local = oai_identifier[len(prefix) :] if oai_identifier.startswith(prefix) else ""
    if not identifiers.is_identifier(local):
        raise OAIError("idDoesNotExist", f"No record {parameters.safe_echo(oai_identifier)}")
    return local


def _source_locale():
    return Locale.get_default()


def _records():
    """One public product per identifier: the default language's version when it is public,
    otherwise the public version created first. A record exists as long as any language version
    is public, as the API says; it is reported deleted only when none is (``library.signals``)."""
    public = public_products(ProductPage.objects.all())
    preference = Case(
        When(locale=_source_locale(), then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    first = public.filter(identifier=OuterRef("identifier")).order_by(preference, "pk").values("pk")[:1]
    return public.filter(pk=Subquery(first))


#: Set specs are hierarchical (``convention:crc`` is inside ``convention``): the parent sets are
#: listed and may be harvested too.
PARENT_SETS = {"convention": "Conventions", "province": "Provinces"}


def _convention_spec(code):
    """``convention:<code>``; ``None`` for a code that cannot form a set spec (a space, a slash:
    codes are free text), which is then neither listed nor named in headers."""
    spec = f"convention:{code.lower()}"
    return spec if SET_SPEC.fullmatch(spec) else None


def _sets():
    sets = [("convention", PARENT_SETS["convention"])]
    sets += [
        (spec, c.name)
        for c in Convention.objects.filter(locale=_source_locale()).order_by("sort_order")
        if (spec := _convention_spec(c.code))
    ]
    sets.append(("province", PARENT_SETS["province"]))
    sets += [
        (f"province:{p.slug}", p.name)
        for p in Province.objects.filter(locale=_source_locale(), valid_until__isnull=True).order_by("name")
    ]
    return sets


def _apply_set(products, tombstones, spec):
    if not SET_SPEC.fullmatch(spec):
        raise OAIError("badArgument", f"Not a set spec: {spec}")
    kind, _, value = spec.partition(":")
    if spec == "convention":
        return (
            products.filter(conventions__isnull=False).distinct(),
            [t for t in tombstones if t.conventions],
        )
    if spec == "province":
        return (
            products.filter(province_tags__isnull=False).distinct(),
            [t for t in tombstones if t.provinces],
        )
    if kind == "convention":
        convention = Convention.objects.filter(code__iexact=value).first()
        if convention is None:
            raise OAIError("badArgument", f"Unknown set {spec}")
        return (
            products.filter(conventions__translation_key=convention.translation_key).distinct(),
            [t for t in tombstones if convention.code in t.conventions],
        )
    if kind == "province":
        province = Province.objects.filter(slug=value, valid_until__isnull=True).first()
        if province is None:
            raise OAIError("badArgument", f"Unknown set {spec}")
        keys = provinces.matching_keys([province.translation_key])
        slugs = set(Province.objects.filter(translation_key__in=keys).values_list("slug", flat=True))
        return provinces.filter_pages(products, [province.translation_key]), [
            t for t in tombstones if slugs & set(t.provinces)
        ]
    raise OAIError("badArgument", f"Unknown set {spec}")


def _selection(args):
    """Products and tombstones matching from/until/set, in a stable order."""
    products = _records()
    tombstones = ProductTombstone.objects.all()
    start = end = None
    if "from" in args:
        start, from_granular = _parse_date(args["from"], end=False)
        products, tombstones = (
            products.filter(last_published_at__gte=start),
            tombstones.filter(deleted_at__gte=start),
        )
    if "until" in args:
        end, until_granular = _parse_date(args["until"], end=True)
        products, tombstones = (
            products.filter(last_published_at__lte=end),
            tombstones.filter(deleted_at__lte=end),
        )
    if start and end:
        if from_granular != until_granular:
            raise OAIError("badArgument", "from and until must have the same granularity")
        if start > end:
            raise OAIError("badArgument", "from is after until")
    tombstones = list(tombstones.order_by("deleted_at", "pk"))
    if "set" in args:
        products, tombstones = _apply_set(products, tombstones, args["set"])
    return products.order_by("last_published_at", "pk"), tombstones


def _sets_of(product):
    specs = [spec for c in product.conventions.all() if (spec := _convention_spec(c.code))]
    for tag in product.province_tags.all():
        current = tag.province if tag.province.is_current else tag.province.successor
        if current is not None:
            specs.append(f"province:{current.slug}")
    return sorted(set(specs))


def _header(parent, request, identifier, datestamp, sets, deleted=False):
    header = SubElement(parent, "header", {"status": "deleted"} if deleted else {})
    SubElement(header, "identifier").text = _oai_identifier(request, identifier)
    SubElement(header, "datestamp").text = _datestamp(datestamp)
    for spec in sets:
        SubElement(header, "setSpec").text = spec
    return header


def _dublin_core(parent, request, product, versions):
    metadata = SubElement(parent, "metadata")
    dc = SubElement(
        metadata,
        f"{{{OAI_DC}}}dc",
        {f"{{{XSI}}}schemaLocation": f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"},
    )

    def add(name, text, lang=None):
        text = _xml_text(text)
        if text:
            element = SubElement(dc, f"{{{DC}}}{name}", {f"{{{XML}}}lang": lang} if lang else {})
            element.text = text

    for version in versions:
        add("title", version.title, version.locale.language_code)
    for version in versions:
        add("description", strip_tags(version.description).strip(), version.locale.language_code)
    add("creator", product.producer.name if product.producer else "")
    add("publisher", product.commissioner.name if product.commissioner else "")
    for convention in product.conventions.all():
        add("subject", f"{convention.code}: {convention.name}")
    add(
        "date",
        (product.published_on or product.produced_on or "")
        and (product.published_on or product.produced_on).isoformat(),
    )
    add("type", product.product_type.name)
    add("identifier", product.identifier)
    for version in versions:
        add("identifier", request.build_absolute_uri(version.url))
    for language in product.languages.all():
        add("language", language.code)
    for tag in product.province_tags.all():
        add("coverage", tag.province.name)
    add("rights", product.get_licence_display())


def _xml_text(value):
    return NOT_XML.sub("", str(value or "")).strip()


def _with_relations(products):
    return products.select_related("product_type", "producer", "commissioner", "locale").prefetch_related(
        "conventions", "languages", "province_tags__province__successor"
    )


def _versions(products):
    found = {}
    keys = [p.translation_key for p in products]
    for page in public_products(ProductPage.objects.filter(translation_key__in=keys)).select_related(
        "locale"
    ):
        found.setdefault(page.translation_key, []).append(page)
    for versions in found.values():
        versions.sort(key=lambda page: page.locale.language_code)
    return found


def _list(request, verb, args, root):
    if "resumptionToken" in args:
        try:
            state = signing.loads(args["resumptionToken"], salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        except signing.BadSignature as error:
            raise OAIError("badResumptionToken", "The resumptionToken is invalid or has expired") from error
        if state.get("verb") != verb:
            raise OAIError("badResumptionToken", "The resumptionToken belongs to another verb")
        args, offset = state["args"], state["offset"]
    else:
        offset = 0
    if args.get("metadataPrefix") != "oai_dc":
        raise OAIError("cannotDisseminateFormat", f"Unsupported metadataPrefix {args.get('metadataPrefix')}")
    products, tombstones = _selection(args)
    live_total = products.count()
    total = live_total + len(tombstones)
    if total == 0:
        raise OAIError("noRecordsMatch", "No records match the request")
    container = SubElement(root, verb)
    page = list(_with_relations(products)[offset : offset + PAGE_SIZE]) if offset < live_total else []
    versions = _versions(page) if verb == "ListRecords" else {}
    for product in page:
        parent = SubElement(container, "record") if verb == "ListRecords" else container
        _header(parent, request, product.identifier, product.last_published_at, _sets_of(product))
        if verb == "ListRecords":
            _dublin_core(parent, request, product, versions.get(product.translation_key, [product]))
    start = max(0, offset - live_total)
    for tombstone in tombstones[start : start + PAGE_SIZE - len(page)]:
        parent = SubElement(container, "record") if verb == "ListRecords" else container
        sets = [spec for code in tombstone.conventions if (spec := _convention_spec(code))]
        _header(parent, request, tombstone.identifier, tombstone.deleted_at, sets, deleted=True)
    next_offset = offset + PAGE_SIZE
    if next_offset < total or offset:
        attrs = {"completeListSize": str(total), "cursor": str(offset)}
        token = SubElement(container, "resumptionToken", attrs)
        if next_offset < total:
            token.text = signing.dumps({"verb": verb, "args": args, "offset": next_offset}, salt=TOKEN_SALT)


def _identify(request, root):
    element = SubElement(root, "Identify")
    # The lower bound of every datestamp given, deleted records' included.
    stamps = [
        _records().aggregate(first=Min("first_published_at"))["first"],
        ProductTombstone.objects.aggregate(first=Min("deleted_at"))["first"],
    ]
    earliest = min((stamp for stamp in stamps if stamp), default=None) or timezone.now()
    # adminEmail is an address: not "Nhân quyền <no-reply@…>", which Django's sender may be.
    admin = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
    for name, value in (
        ("repositoryName", f"{settings.WAGTAIL_SITE_NAME}: thư viện sản phẩm truyền thông / product library"),
        ("baseURL", request.build_absolute_uri(request.path)),
        ("protocolVersion", "2.0"),
        ("adminEmail", admin),
        ("earliestDatestamp", _datestamp(earliest)),
        ("deletedRecord", "persistent"),
        ("granularity", "YYYY-MM-DDThh:mm:ssZ"),
    ):
        SubElement(element, name).text = value


def _metadata_formats(request, args, root):
    if "identifier" in args:
        identifier = _local_identifier(request, args["identifier"])
        if not (
            _records().filter(identifier=identifier).exists()
            or ProductTombstone.objects.filter(identifier=identifier).exists()
        ):
            raise OAIError("idDoesNotExist", f"No record {args['identifier']}")
    element = SubElement(root, "ListMetadataFormats")
    fmt = SubElement(element, "metadataFormat")
    SubElement(fmt, "metadataPrefix").text = "oai_dc"
    SubElement(fmt, "schema").text = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
    SubElement(fmt, "metadataNamespace").text = OAI_DC


def _list_sets(args, root):
    if "resumptionToken" in args:
        raise OAIError("badResumptionToken", "ListSets is returned in one response")
    element = SubElement(root, "ListSets")
    for spec, name in _sets():
        item = SubElement(element, "set")
        SubElement(item, "setSpec").text = spec
        SubElement(item, "setName").text = _xml_text(name)


def _get_record(request, args, root):
    if args["metadataPrefix"] != "oai_dc":
        raise OAIError("cannotDisseminateFormat", f"Unsupported metadataPrefix {args['metadataPrefix']}")
    identifier = _local_identifier(request, args["identifier"])
    element = SubElement(root, "GetRecord")
    record = SubElement(element, "record")
    product = _with_relations(_records().filter(identifier=identifier)).first()
    if product is not None:
        _header(record, request, identifier, product.last_published_at, _sets_of(product))
        _dublin_core(record, request, product, _versions([product]).get(product.translation_key, [product]))
        return
    tombstone = ProductTombstone.objects.filter(identifier=identifier).first()
    if tombstone is None:
        raise OAIError("idDoesNotExist", f"No record {args['identifier']}")
    _header(record, request, identifier, tombstone.deleted_at, [], deleted=True)


def _arguments(request):
    params = request.POST if request.method == "POST" else request.GET
    verb_values = params.getlist("verb")
    if len(verb_values) != 1 or verb_values[0] not in ARGUMENTS:
        raise OAIError("badVerb", "Missing, repeated or illegal verb")
    verb = verb_values[0]
    required, optional = ARGUMENTS[verb]
    args = {}
    for key in params:
        if key == "verb":
            continue
        values = params.getlist(key)
        if key not in required | optional or len(values) != 1:
            raise OAIError("badArgument", f"Illegal or repeated argument {parameters.safe_echo(key)}")
        args[key] = values[0]
    if "resumptionToken" in args and len(args) > 1:
        raise OAIError("badArgument", "resumptionToken is an exclusive argument")
    if "resumptionToken" not in args and not required <= set(args):
        raise OAIError("badArgument", f"Missing argument(s): {', '.join(sorted(required - set(args)))}")
    return verb, args


def _check_values(args):
    """Every argument's value may be looked up (``home.parameters``), or the argument's own error."""
    for key, value in args.items():
        code, limit = VALUE_ERRORS[key]
        try:
            with translation.override("en"):
                parameters.text(value, max_length=limit)
        except parameters.BadValue as error:
            raise OAIError(code, f"{key}: {error}") from None


def _last_modified(request):
    """When what a ``GET`` shows last changed: the time the current content generation
    (``home.page_cache``) was first seen here, kept for as long as the generation lasts.

    Every saved or deleted page, snippet, taxonomy term, tombstone or revision starts a new
    generation, so no change is later than the time of the generation that shows it (visibility
    here never turns on a date alone: an embargo is scheduled publishing, which saves). The time is
    only given once its second has passed, so that a change later in the same second cannot share
    it; it is also kept per version of this module and of the settings the answers show. ``None``,
    so no ``Last-Modified`` and no 304, for ``POST``, a resumed list (a token's expiry changes the
    answer) and while the cache is down (no generation)."""
    if request.method not in ("GET", "HEAD") or "resumptionToken" in request.GET:
        return None
    shown = f"{settings.WAGTAIL_SITE_NAME}|{settings.DEFAULT_FROM_EMAIL}".encode()
    stamp = page_cache.generation_seen_at(
        f"oai:{SOURCE_DIGEST}:{hashlib.sha256(shown).hexdigest()[:16]}", LAST_MODIFIED_TTL
    )
    return stamp if stamp is not None and stamp < timezone.now().replace(microsecond=0) else None


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@condition(last_modified_func=_last_modified)
def endpoint(request):
    root = Element(
        "OAI-PMH",
        {"xmlns": OAI, f"{{{XSI}}}schemaLocation": f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"},
    )
    SubElement(root, "responseDate").text = _datestamp(timezone.now())
    request_element = SubElement(root, "request")
    request_element.text = request.build_absolute_uri(request.path)
    try:
        verb, args = _arguments(request)
        request_element.attrib.update(
            {
                key: parameters.safe_echo(value, max_length=4000)
                for key, value in {"verb": verb, **args}.items()
                if key not in ECHOED_FORMS or ECHOED_FORMS[key].fullmatch(value)
            }
        )
        _check_values(args)
        if verb == "Identify":
            _identify(request, root)
        elif verb == "ListMetadataFormats":
            _metadata_formats(request, args, root)
        elif verb == "ListSets":
            _list_sets(args, root)
        elif verb == "GetRecord":
            _get_record(request, args, root)
        else:
            _list(request, verb, args, root)
    except OAIError as error:
        if error.code in {"badVerb", "badArgument"}:
            request_element.attrib.clear()
        for child in list(root)[2:]:
            root.remove(child)
        SubElement(root, "error", {"code": error.code}).text = error.message
    body = b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(
        root, encoding="utf-8", xml_declaration=False
    )
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
