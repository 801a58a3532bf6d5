"""Which site and which page a URL means, remembered per content generation.

Wagtail finds the site for every request with a query, then walks the page tree from the site's
root one level at a time, two queries per level (the child by slug, then its specific type): six
queries for an article before any of its content is read. Both answers depend only on content
(sites, pages, slugs), so they are kept in the shared cache under the page cache's generation
(``home.page_cache``), which changes whenever a site or page is saved, moved or deleted. A
remembered page is read again (one query) and must still be live; routes that a routable page
resolves itself (feeds, item pages) are not remembered.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.utils.translation import get_language

from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from . import page_cache

_original_find_site = Site._find_for_request
_original_route = Page.route_for_request


def _key(kind, *parts):
    digest = hashlib.sha256("\n".join(str(part) for part in parts).encode()).hexdigest()
    return f"pagecache:{page_cache.generation()}:{kind}:{digest}"


def _find_site(request):
    try:
        host = request.get_host()  # only hosts in ALLOWED_HOSTS get a cache entry
    except DisallowedHost:
        return _original_find_site(request)
    key = _key("site", host, request.get_port())
    stored = cache.get(key)
    if stored is None:
        stored = (_original_find_site(request),)
        cache.set(key, stored, page_cache.MAX_AGE)
    return stored[0]


def route_for_request(request, path):
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    site = Site.find_for_request(request)
    if site is None:
        return _original_route(request, path)
    key = _key("route", site.pk, get_language(), path)  # the path has no language prefix
    stored = cache.get(key)
    if stored is not None:
        content_type_id, page_id = stored
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = None
        if model is not None:
            # The hero image (if the type has one) comes with the page: every page shows it.
            related = [f.name for f in model._meta.concrete_fields if f.name == "hero_image"]
            page = model.objects.filter(pk=page_id, live=True).select_related(*related).first()
        if page is not None:
            request._wagtail_route_for_request = RouteResult(page)
            return request._wagtail_route_for_request
    result = _original_route(request, path)
    if result is not None and not result.args and not result.kwargs:
        cache.set(key, (result.page.content_type_id, result.page.pk), page_cache.MAX_AGE)
    return result


def install():
    Site._find_for_request = staticmethod(_find_site)
    Page.route_for_request = staticmethod(route_for_request)
