"""Page view restrictions (private sections) read once per content generation, not per query.

Wagtail reads every ``PageViewRestriction`` row each time a queryset is filtered with
``.public()`` (menus, language alternates, listings: three or four times per page here), and reads
a page's ancestors and their restrictions on every page view. Restrictions are few and change
rarely; they are kept in the shared cache under the page cache's generation
(``home.page_cache``), which changes whenever a restriction or any page (a move changes paths)
is saved or deleted, in every process at once. When the site has no private section at all, a
page view skips the ancestor lookup.
"""

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from . import page_cache

_original_view_restrictions = Page.get_view_restrictions


def restricted_sections():
    """``(path, depth)`` of every page carrying a view restriction."""
    return page_cache.per_generation(
        "restrictions", lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth"))
    )


def private_q(self):
    q = Q()
    for path, depth in restricted_sections():
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])


def get_view_restrictions(self):
    if not restricted_sections():
        return PageViewRestriction.objects.none()
    return _original_view_restrictions(self)


def install():
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = get_view_restrictions
