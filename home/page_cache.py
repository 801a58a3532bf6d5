"""A whole-page cache for anonymous readers that never serves stale content.

**What is cached**: anonymous ``GET``/``HEAD`` requests for the public, language-prefixed site
(``/vi/…``, ``/en/…``, ``/km/…``) with **no query string**, answered ``200`` with HTML, XML or
JSON, without setting a cookie and without ``Vary: Cookie`` (a page with a CSRF-protected form
varies on the cookie and is never stored). Anything else passes straight through:

- a request with a query string (filters, search, paging, tracking parameters): nobody can fill the
  cache with variants, and nothing a visitor adds to the URL changes what another receives;
- a request carrying a session or messages cookie (editors, visitors who entered a page password):
  logged-in editors and previews are never cached, and their pages are never stored for others;
- the admin, the APIs, documents, IIIF and health checks (outside the language prefixes).

The key is the scheme, the host (already validated against ``ALLOWED_HOSTS``) and the path, under
the current **generation**. Headers and cookies other than the session's are not part of the key,
and nothing in a cached page depends on them: the language is the URL's.

**Freshness**: every saved or deleted page, revision publication, snippet, image, document,
taxonomy term, redirect or site setting starts a new generation (``invalidate``), immediately and
again when the transaction commits, so a page rendered from uncommitted or older data is never
reachable afterwards. Nothing tries to work out which pages show what: a newsroom publishes a few
times an hour, and a new generation costs one cache write. Entries also expire at local midnight,
when embargo and consent dates change what is visible without anything being saved.

With several processes (gunicorn workers), the cache must be shared (Redis, ``REDIS_URL``): the
generation lives in the cache.

**Cache outage**: while the cache cannot be reached (``home.resilient_cache`` then answers every
read as a miss), there is no generation: pages are neither served from nor stored in the cache,
and ``per_generation`` answers are computed for each request. When the cache answers again, a new
generation starts (changes saved meanwhile could not renew it).
"""

import hashlib
import uuid
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import cc_delim_re

from .resilient_cache import cache_recovered

GENERATION_KEY = "pagecache:generation"
HEADER = "X-Page-Cache"
MAX_AGE = 600
STORED_TYPES = ("text/html", "application/xml", "text/xml", "application/rss+xml", "application/atom+xml")
STORED_TYPES += ("application/json",)
#: Models whose rows change during public requests or say nothing about public pages.
QUIET_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.uploadedfile",
    "wagtailcore.referenceindex",
    "library.partnerkey",
    "library.importbatch",
    "search.zeroresultquery",  # written by public searches
}
WATCHED_APPS = {
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "taggit",
    "home",
    "news",
    "library",
    "exhibitions",
    "translations",  # a review removes the machine-translation notice
    "wagtail_localize",  # strings translated by a machine or a person
    "search",  # listings read the search index, which may be updated after the page (a task)
}


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def shared_stamp(key):
    """The value every process shares under ``key`` in the cache, made on first use: a stamp that
    changes (``renew_stamp``) whenever what it stands for changes. ``None`` while the cache cannot
    be reached: nothing may then be stored or read under a stamp."""
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, None)
        value = cache.get(key)
    return value


def renew_stamp(key):
    """A new stamp under ``key``, now and again when the current transaction commits, so that
    nothing computed from uncommitted or older data is kept under it afterwards."""

    def renew():
        cache.set(key, uuid.uuid4().hex, None)

    renew()
    transaction.on_commit(renew)


def generation():
    return shared_stamp(GENERATION_KEY)


def generation_seen_at(name, max_age):
    """When the current content generation was first seen for ``name``, in whole seconds: a
    ``Last-Modified`` for answers made from all the content (exports, OAI-PMH), never earlier than
    the last change, since every change starts a new generation. Kept in the shared cache for
    ``max_age`` seconds; ``None`` while the cache cannot be reached."""
    current = generation()
    if current is None:
        return None
    key = f"pagecache:{current}:seen:{name}"
    cache.add(key, timezone.now().replace(microsecond=0), max_age)
    return cache.get(key)


def per_generation(name, compute):
    """``compute()``, kept in the cache under the current generation: derived from content, it is
    read once per content change (and at most ``MAX_AGE`` seconds), in every process at once.
    Computed afresh while the cache is unreachable."""
    current = generation()
    if current is None:
        return compute()
    key = f"pagecache:{current}:{name}"
    stored = cache.get(key)
    if stored is None:
        stored = (compute(),)  # wrapped, so that None and empty answers are kept too
        cache.set(key, stored, MAX_AGE)
    return stored[0]


def invalidate():
    """Make every cached page unreachable, now and when the current transaction commits."""
    renew_stamp(GENERATION_KEY)


def on_cache_recovered(sender, **kwargs):
    """The cache answers again after an outage: whatever changed meanwhile could not renew the
    stamps, and the cache may hold what it held before, so start afresh."""
    from . import term_index

    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    cache.set(term_index.STAMP_KEY, uuid.uuid4().hex, None)


cache_recovered.connect(on_cache_recovered, dispatch_uid="page_cache_recovered")


def watches(model):
    meta = model._meta
    if meta.app_label not in WATCHED_APPS or meta.label_lower in QUIET_MODELS:
        return False
    return not meta.model_name.endswith("rendition")  # made while rendering pages


def on_change(sender, **kwargs):
    if watches(sender):
        invalidate()


def on_page_event(sender, **kwargs):
    """Moves update descendants in bulk (no save signal); unpublishing may too."""
    invalidate()


def _key(request, generation_value):
    address = f"{request.scheme}://{request.get_host()}{request.path}"
    return f"pagecache:{generation_value}:{hashlib.sha256(address.encode()).hexdigest()}"


def _cacheable_request(request):
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    return request.path.startswith(prefixes) and "/search/" not in request.path


def _storable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith(STORED_TYPES):
        return False
    vary = {value.strip().lower() for value in cc_delim_re.split(response.get("Vary", ""))}
    if "cookie" in vary or "authorization" in vary:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _seconds_left():
    """Until local midnight (visibility by date changes then), at most MAX_AGE."""
    now = timezone.localtime()
    midnight = timezone.make_aware(datetime.combine(now.date() + timedelta(days=1), time.min))
    return max(1, min(MAX_AGE, int((midnight - now).total_seconds())))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not _cacheable_request(request):
            return self.get_response(request)
        current = generation()
        if current is None:  # the cache is unreachable: serve the page uncached
            return self.get_response(request)
        key = _key(request, current)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and _storable(response):
            headers = [(name, value) for name, value in response.items() if name.lower() != HEADER.lower()]
            cache.set(key, (response.content, headers), _seconds_left())
            response[HEADER] = "miss"
        return response


def check_shared_cache(app_configs=None, **kwargs):
    """Warn when pages are cached per process outside development: after a change, the other
    processes would go on serving the previous generation's pages."""
    from django.core.checks import Warning

    backend = settings.CACHES["default"]["BACKEND"]
    if enabled() and not settings.DEBUG and backend.endswith("LocMemCache"):
        return [
            Warning(
                "The page cache is in local memory: with several processes, each keeps its own "
                "pages and a change is seen only by the process that made it.",
                hint="Set REDIS_URL, run a single process, or set PAGE_CACHE_ENABLED = False.",
                id="home.W001",
            )
        ]
    return []
