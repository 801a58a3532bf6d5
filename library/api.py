"""The read-only partner API: `/api/v1/products/`, with an OpenAPI 3 document at `/api/v1/openapi.json`.

Same filters and text query as the public library page; published, public, non-embargoed products
only. Anonymous use is rate-limited per address; partner agencies get keys with their own limits.
"""

from datetime import UTC, datetime
from typing import Annotated, Literal

from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from pydantic import AfterValidator

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, QueryDict
from django.utils import timezone, translation
from django.utils.html import strip_tags

from wagtail.models import Locale

from home import parameters
from newsroom.accounts import client_address

from . import export, identifiers
from .models import PartnerKey
from .search import LibraryQuery, library_products

MAX_PAGE_SIZE = 100
#: The content languages, as the spec's enum for ``lang``.
Language = Literal[tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)]
KEY_SCHEME = "PartnerKey"


class PartnerApi(NinjaAPI):
    """The spec says what django-ninja cannot declare by itself: the optional ``X-API-Key`` scheme
    (every operation works without a key, at the anonymous rate) and the ``Retry-After`` header of
    a 429."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema.setdefault("components", {}).setdefault("securitySchemes", {})[KEY_SCHEME] = {
            "type": "apiKey",
            "in": "header",
            "name": "X-API-Key",
            "description": "A partner agency's key: its own rate limit. Optional.",
        }
        for operations in schema["paths"].values():
            if "head" in operations:  # django-ninja shares GET's operation object, and so its id
                operations["head"] = {
                    **operations["head"],
                    "operationId": operations["get"]["operationId"] + "_head",
                    "summary": operations["get"].get("summary", "") + " (headers only)",
                }
            for operation in operations.values():
                operation["security"] = [{}, {KEY_SCHEME: []}]
                limited = operation.get("responses", {}).get("429")
                if limited is not None:
                    limited["headers"] = {
                        "Retry-After": {
                            "description": "Seconds until the next minute's allowance.",
                            "schema": {"type": "integer", "minimum": 1},
                        }
                    }
        return schema


class RateLimited(Exception):
    def __init__(self, limit, retry_after):
        super().__init__(limit)
        self.limit, self.retry_after = limit, retry_after


api = PartnerApi(
    title="Nhân quyền library: partner API",
    version="1",
    description="Read-only access to published communication products. Optional header X-API-Key.",
    urls_namespace="library_api",
    docs_url=None,
)


class Error(Schema):
    detail: str


class ValidationIssue(Schema):
    type: str
    loc: list[str | int]
    msg: str


class ValidationErrors(Schema):
    detail: list[ValidationIssue]


ERRORS = {
    400: Error,
    401: Error,
    422: ValidationErrors,
    429: Error,
}


@api.exception_handler(RateLimited)
def rate_limited(request, error):
    response = api.create_response(
        request, {"detail": f"Rate limit of {error.limit} requests per minute exceeded"}, status=429
    )
    response["Retry-After"] = str(error.retry_after)
    return response


class Term(Schema):
    code: str
    name: str


class Place(Schema):
    slug: str
    name: str
    current: bool


class Attachment(Schema):
    kind: str
    title: str
    url: str


class Translation(Schema):
    language: str
    url: str


class Product(Schema):
    identifier: str
    title: str
    url: str
    language: str
    description: str
    product_type: Term
    channels: list[str]
    content_languages: list[str]
    conventions: list[str]
    convention_articles: str
    provinces: list[Place]
    producer: str
    commissioner: str
    produced_on: str
    published_on: str
    duration_minutes: int | None
    page_count: int | None
    licence: str
    attribution: str
    reprint_allowed: bool
    rebroadcast_allowed: bool
    state_funded: bool
    funding_programme: str
    attachments: list[Attachment]
    translations: list[Translation]
    modified: str


class ProductList(Schema):
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[Product]


def _code(value):
    """A code, slug or year from the query string (``home.parameters``): a value with a control
    character or longer than any code is a 422 naming the parameter, before any lookup."""
    with translation.override("en"):
        return parameters.text(value)


#: What a filter, ``lang`` or a path may carry; the API's messages are in English.
Code = Annotated[str, AfterValidator(_code)]


def _moment(value):
    """An aware date-time that the database can compare (``0001-01-01T00:00:00+14:00`` is a valid
    ISO date-time, but before year 1 in UTC)."""
    if value is None:
        return None
    try:
        moment = timezone.make_aware(value) if timezone.is_naive(value) else value
        # In UTC: an offset beyond ±15:59 is valid ISO 8601 but not a PostgreSQL time zone.
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValueError("Out of range; a date-time from year 1 to 9999 in UTC is accepted.") from None


Moment = Annotated[datetime | None, AfterValidator(_moment)]


class Filters(Schema):
    lang: Language = "vi"
    q: str = ""  # free text: cleaned like the page's search box, never refused
    convention: list[Code] = []
    province: list[Code] = []
    type: list[Code] = []
    language: list[Code] = []
    channel: list[Code] = []
    year: list[Code] = []
    organisation: list[Code] = []
    modified_since: Moment = None
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)


def _throttle(request):
    secret = request.headers.get("X-API-Key", "")
    partner = PartnerKey.find(secret) if secret else None
    if secret and partner is None:
        raise HttpError(401, "Unknown or inactive API key")
    who = f"key:{partner.pk}" if partner else f"ip:{client_address(request)}"
    limit = partner.requests_per_minute if partner else settings.LIBRARY_API_ANONYMOUS_RATE
    now = timezone.now().timestamp()
    bucket = f"api-rate:{who}:{int(now // 60)}"
    cache.add(bucket, 0, 61)
    try:
        used = cache.incr(bucket)
    except ValueError:
        used = 1
    if used > limit:
        raise RateLimited(limit, max(1, 60 - int(now % 60)))


def _locale(code):
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise HttpError(
            400, f"lang must be one of: {', '.join(loc.language_code for loc in Locale.objects.all())}"
        )
    return locale


def _attachments(product, request):
    items = []
    for block in product.attachments:
        if block.block_type == "document":
            items.append({"kind": "document", "title": block.value.title, "url": block.value.url})
        elif block.block_type == "image":
            items.append({"kind": "image", "title": block.value.title, "url": block.value.file.url})
        else:
            items.append(
                {"kind": block.value.kind(), "title": block.value["title"], "url": block.value["file"].url}
            )
    return [{**item, "url": request.build_absolute_uri(item["url"])} for item in items]


def _serialise(product, request, translations):
    data = export.record(product, request)
    data.update(
        description=strip_tags(product.description).strip(),
        product_type={"code": product.product_type.code, "name": product.product_type.name},
        provinces=[
            {"slug": tag.province.slug, "name": tag.province.name, "current": tag.province.is_current}
            for tag in product.province_tags.all()
        ],
        attachments=_attachments(product, request),
        translations=[
            {"language": page.locale.language_code, "url": request.build_absolute_uri(page.url)}
            for page in translations.get(product.translation_key, [])
            if page.pk != product.pk
        ],
        modified=data.pop("last_published_at"),
    )
    return data


def _translations(products):
    from .models import ProductPage, public_products

    found = {}
    keys = {product.translation_key for product in products}
    translations = public_products(ProductPage.objects.filter(translation_key__in=keys))
    for page in translations.select_related("locale"):
        found.setdefault(page.translation_key, []).append(page)
    return found


def _page_url(request, page):
    params = request.GET.copy()
    params["page"] = page
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


@api.api_operation(
    ["GET", "HEAD"], "/products/", response={200: ProductList, **ERRORS}, summary="List and search products"
)
def list_products(request, filters: Query[Filters]):
    _throttle(request)
    locale = _locale(filters.lang)
    params = request.GET if isinstance(request.GET, QueryDict) else QueryDict("")
    query = LibraryQuery.from_params(params, locale)
    if query.errors:
        raise HttpError(
            400, "Unknown filter values: " + ", ".join(f"{label}={value}" for label, value in query.errors)
        )
    products = query.apply(library_products(locale))
    if filters.modified_since:
        products = products.filter(last_published_at__gte=filters.modified_since)
    size, number = filters.page_size, filters.page
    total = products.count()
    # Past the last page: no results (never an OFFSET beyond the rows, which a huge page number
    # would overflow in the database).
    start = min((number - 1) * size, total)
    rows = list(
        export.with_export_relations(products.order_by("last_published_at", "pk"))[start : start + size]
    )
    translations = _translations(rows)
    return {
        "count": total,
        "page": number,
        "page_size": size,
        "next": _page_url(request, number + 1) if start + size < total else None,
        "previous": _page_url(request, number - 1) if number > 1 else None,
        "results": [_serialise(product, request, translations) for product in rows],
    }


@api.api_operation(
    ["GET", "HEAD"],
    "/products/{identifier}/",
    response={200: Product, 404: Error, **ERRORS},
    summary="One product by its identifier",
)
def get_product(request, identifier: str, lang: Language = "vi"):
    _throttle(request)
    if not identifiers.is_identifier(identifier):  # cannot name a product: the same 404, no lookup
        raise Http404
    product = export.with_export_relations(
        library_products(_locale(lang)).filter(identifier=identifier)
    ).first()
    if product is None:
        raise Http404
    return _serialise(product, request, _translations([product]))
