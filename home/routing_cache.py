"""Which site and which page a URL means: two queries when nothing is known, one when remembered.

Wagtail finds the site for every request with a query, then walks the page tree from the site's
root one level at a time, two queries per level (the child by slug, then its specific type): six
queries for an article before any of its content is read.

Here the walk reads every page on the path at once, by ``url_path`` (which Wagtail keeps equal to
the slugs from the tree's root), and then only the last page's specific row: two queries at any
depth. Each page on the path is still asked whether it routes the rest of the path itself
(routable pages: feeds, item pages; any page type with its own ``route``), exactly where Wagtail's
walk would ask it, so the answer is Wagtail's own; ``tests/home/test_routing.py`` compares the two.

The answers depend only on content (sites, pages, slugs), so they are also kept in the shared cache
under the page cache's generation (``home.page_cache``), which changes whenever a site or page is
saved, moved or deleted. A remembered page is read again (one query) and must still be live;
routes that a routable page resolves itself are not remembered.
"""

import hashlib
import itertools

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils.translation import get_language

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, Site
from wagtail.url_routing import RouteResult

from . import page_cache

_original_find_site = Site._find_for_request
_original_route = Page.route_for_request


def _key(kind, *parts):
    """The cache key of an answer under the current generation; ``None`` while the cache cannot be
    reached (nothing is then remembered)."""
    current = page_cache.generation()
    if current is None:
        return None
    digest = hashlib.sha256("\n".join(str(part) for part in parts).encode()).hexdigest()
    return f"pagecache:{current}:{kind}:{digest}"


def _find_site(request):
    try:
        host = request.get_host()  # only hosts in ALLOWED_HOSTS get a cache entry
    except DisallowedHost:
        return _original_find_site(request)
    key = _key("site", host, request.get_port())
    stored = cache.get(key) if key else None
    if stored is None:
        stored = (_original_find_site(request),)
        if key:
            cache.set(key, stored, page_cache.MAX_AGE)
    return stored[0]


def _specific(row):
    """The specific page of a base ``Page`` row, with the hero image every page shows."""
    model = row.specific_class
    if model is None:
        return row
    page = _read(model, pk=row.pk)
    if page is not None and hasattr(row, "_cached_parent_obj"):
        page._cached_parent_obj = row._cached_parent_obj
    return page


def _read(model, **lookup):
    """A page of ``model`` with its locale and hero image, which every page shows: one query."""
    names = {field.name for field in model._meta.concrete_fields}
    related = [name for name in ("locale", "hero_image") if name in names]
    # Unordered: ordering a query with joined rows makes Django hash every selected column.
    return next(iter(model.objects.filter(**lookup).select_related(*related).order_by()[:1]), None)


def _claims_rest(row, rest):
    """Whether the page ``row`` would route ``rest`` itself rather than hand it to a child page."""
    model = row.specific_class
    if model is None or model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        if not row.live:
            return False
        try:
            model.get_resolver().resolve("/" + "".join(f"{part}/" for part in rest))
        except Http404:
            return False
        return True
    return True  # a route of its own: let it decide


def _on_path(site, prefixes):
    """Pages whose ``url_path`` is the site root's translation in the active language (as
    ``Page.localized``: live, or the root itself) followed by one of ``prefixes``.

    Written as SQL: the same condition built from ORM expressions (a subquery per prefix) cost more
    to compile than to run."""
    # Only the quoted table name and placeholders go into the text; every value is a parameter.
    table = connection.ops.quote_name(Page._meta.db_table)
    concatenated = ", ".join(["root.url_path || %s"] * len(prefixes))
    sql = (
        f"EXISTS (SELECT 1 FROM {table} root WHERE root.translation_key = "  # noqa: S608
        f"(SELECT site_root.translation_key FROM {table} site_root WHERE site_root.id = %s) "
        f"AND root.locale_id = %s AND (root.live OR root.id = %s) AND {table}.url_path IN ({concatenated}))"
    )
    params = [site.root_page_id, Locale.get_active().pk, site.root_page_id, *prefixes]
    return RawSQL(sql, params, output_field=BooleanField())  # noqa: S611


def _walk(request, site, path):
    """Wagtail's route for ``path`` under ``site``, reading the pages on the path in one query.

    Returns None when the site's root has no live translation in the active language (Wagtail
    then routes through the default language's tree; the caller falls back to Wagtail's walk)."""
    components = [part for part in path.split("/") if part]
    prefixes = ["".join(f"{part}/" for part in components[:depth]) for depth in range(len(components) + 1)]
    rows = sorted(Page.objects.filter(_on_path(site, prefixes)), key=lambda row: row.depth)
    if not rows:
        return None
    request.localized_root = rows[0]  # the menu and the home link start from it
    for parent, child in itertools.pairwise(rows):
        child._cached_parent_obj = parent
    for index, row in enumerate(rows):
        rest = components[index:]
        last = index == len(rows) - 1
        if rest and not last and not _claims_rest(row, rest):
            continue
        if rest and last and not _claims_rest(row, rest):
            raise Http404  # no child page by that slug, and the page does not route it
        page = _specific(row)
        if page is None:
            raise Http404
        return page.route(request, rest)
    raise Http404


def route_for_request(request, path):
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    site = Site.find_for_request(request)
    if site is None:
        return _original_route(request, path)
    key = _key("route", site.pk, get_language(), path)  # the path has no language prefix
    stored = cache.get(key) if key else None
    if stored is not None:
        content_type_id, page_id = stored
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = _read(model, pk=page_id, live=True) if model is not None else None
        if page is not None:
            request._wagtail_route_for_request = RouteResult(page)
            return request._wagtail_route_for_request
    try:
        result = _walk(request, site, path)
    except Http404:
        result = request._wagtail_route_for_request = None
    else:
        if result is None:
            return _original_route(request, path)
        request._wagtail_route_for_request = result
    if key and result is not None and not result.args and not result.kwargs:
        cache.set(key, (result.page.content_type_id, result.page.pk), page_cache.MAX_AGE)
    return result


def install():
    Site._find_for_request = staticmethod(_find_site)
    Page.route_for_request = staticmethod(route_for_request)
