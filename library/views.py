"""The public library page and its exports."""

import hashlib

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.views.decorators.http import condition, require_safe

from home import page_cache, parameters

from . import export
from .search import FACETS, LibraryQuery

PER_PAGE = 20
MAX_PAGE = 10_000


def _facet_options(query, counts, locale):
    """Each facet's values with counts, the selected ones first, then by count."""
    blocks = []
    for facet in FACETS:
        selected = {value for value, _term in query.chosen.get(facet.name, [])}
        if facet.name == "year":
            options = [(str(year), str(year), n) for year, n in counts["year"].items()]
            options.sort(key=lambda option: option[0], reverse=True)
        else:
            terms = facet.options(locale)
            by_key = {
                (term.code if facet.name == "language" else term.translation_key): (param, term)
                for param, term in terms.items()
            }
            options = [
                (by_key[key][0], str(by_key[key][1]), n)
                for key, n in counts[facet.name].items()
                if key in by_key
            ]
            options.sort(key=lambda option: (-option[2], option[1]))
        blocks.append(
            {
                "facet": facet,
                "options": [
                    {"value": value, "label": label, "count": n, "selected": value in selected}
                    for value, label, n in options
                ],
            }
        )
    return blocks


def library_index(request, library):
    query = LibraryQuery.from_params(request.GET, library.locale)
    base = library.products()
    listed = base.select_related("product_type", "producer")
    products = query.ranked(listed) if query.text else query.apply(listed).order_by("-published_on", "-pk")
    try:
        number = parameters.integer(request.GET.get("page") or "1")
    except parameters.BadValue:  # not a number: the first page
        number = 1
    number = min(max(number, 1), MAX_PAGE + 1)  # past MAX_PAGE no page exists: a 404 below
    if query.text:
        products.prefetch((number - 1) * PER_PAGE, PER_PAGE)  # the total and this page in one query
    paginator = Paginator(products, PER_PAGE)
    try:
        page_obj = paginator.page(number)
    except EmptyPage as error:
        raise Http404 from error
    params = request.GET.copy()
    params.pop("page", None)
    return library.render(
        request,
        context_overrides={
            "query": query,
            "facets": _facet_options(query, query.facet_counts(base), library.locale),
            "page_obj": page_obj,
            "products": page_obj.object_list,
            "query_string": params.urlencode(),
            "noindex": bool(params) or page_obj.number > 1,
        },
    )


#: How long the time a content generation was first seen is kept (then it is taken afresh).
EXPORT_STAMP_SECONDS = 24 * 60 * 60


def _export_generation(request, library, fmt):
    """The content generation (``home.page_cache``) an export is made from: every saved, published,
    unpublished or deleted page and every changed term starts a new one, so an export can only
    change with it. ``None`` for an unknown format or while the cache cannot be reached."""
    return page_cache.generation() if fmt in export.FORMATS else None


def _export_etag(request, library, fmt):
    current = _export_generation(request, library, fmt)
    return hashlib.sha256(f"library-export:{current}".encode()).hexdigest()[:32] if current else None


def _export_last_modified(request, library, fmt):
    """When the current content generation was first seen: never before the last change to what
    an export lists (a product published, changed, unpublished or deleted, a term renamed), which
    the latest ``last_published_at`` of the listed products would miss for a product that left."""
    if fmt not in export.FORMATS:
        return None
    return page_cache.generation_seen_at("library-export", EXPORT_STAMP_SECONDS)


@require_safe
@condition(etag_func=_export_etag, last_modified_func=_export_last_modified)
def library_export(request, library, fmt):
    if fmt not in export.FORMATS:
        raise Http404
    query = LibraryQuery.from_params(request.GET, library.locale)
    products = query.apply(library.products()).order_by("-published_on", "-pk")
    return export.FORMATS[fmt](products, request, f"library-{library.locale.language_code}")
