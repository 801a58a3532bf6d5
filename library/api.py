"""The read-only partner API: `/api/v1/products/`, with an OpenAPI 3 document at `/api/v1/openapi.json`.

Same filters and text query as the public library page; published, public, non-embargoed products
only. Anonymous use is rate-limited per address; partner agencies get keys with their own limits.
"""

from datetime import datetime

from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, QueryDict
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import Locale

from newsroom.accounts import client_address

from . import export
from .models import PartnerKey
from .search import LibraryQuery, library_products

MAX_PAGE_SIZE = 100
api = NinjaAPI(
    title="Nhân quyền library: partner API",
    version="1",
    description="Read-only access to published communication products. Optional header X-API-Key.",
    urls_namespace="library_api",
    docs_url=None,
)


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


class Filters(Schema):
    lang: str = "vi"
    q: str = ""
    convention: list[str] = []
    province: list[str] = []
    type: list[str] = []
    language: list[str] = []
    channel: list[str] = []
    year: list[str] = []
    organisation: list[str] = []
    modified_since: datetime | None = None
    page: int = 1
    page_size: int = 20


def _throttle(request):
    secret = request.headers.get("X-API-Key", "")
    partner = PartnerKey.find(secret) if secret else None
    if secret and partner is None:
        raise HttpError(401, "Unknown or inactive API key")
    who = f"key:{partner.pk}" if partner else f"ip:{client_address(request)}"
    limit = partner.requests_per_minute if partner else settings.LIBRARY_API_ANONYMOUS_RATE
    bucket = f"api-rate:{who}:{int(timezone.now().timestamp() // 60)}"
    cache.add(bucket, 0, 61)
    try:
        used = cache.incr(bucket)
    except ValueError:
        used = 1
    if used > limit:
        raise HttpError(429, f"Rate limit of {limit} requests per minute exceeded")


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
    from .models import ProductPage

    found = {}
    keys = {product.translation_key for product in products}
    for page in ProductPage.objects.filter(translation_key__in=keys).live().public().select_related("locale"):
        found.setdefault(page.translation_key, []).append(page)
    return found


def _page_url(request, page):
    params = request.GET.copy()
    params["page"] = page
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


@api.get("/products/", response=ProductList, summary="List and search products")
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
        since = filters.modified_since
        if timezone.is_naive(since):
            since = timezone.make_aware(since)
        products = products.filter(last_published_at__gte=since)
    size = max(1, min(filters.page_size, MAX_PAGE_SIZE))
    number = max(1, filters.page)
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


@api.get("/products/{identifier}/", response=Product, summary="One product by its identifier")
def get_product(request, identifier: str, lang: str = "vi"):
    _throttle(request)
    product = export.with_export_relations(
        library_products(_locale(lang)).filter(identifier=identifier)
    ).first()
    if product is None:
        raise Http404
    return _serialise(product, request, _translations([product]))
