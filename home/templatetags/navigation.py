"""Language switcher, hreflang alternates and the main menu, each in a fixed number of queries."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.db import connection
from django.db.models import TextField
from django.db.models.expressions import RawSQL
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language, override

from wagtail.models import Page, Site, get_page_models

from home import page_cache, visibility

register = template.Library()


def _site(request):
    return Site.find_for_request(request) if request else None


def _site_root(request, site):
    """The site's root page in the active language (as ``Page.localized``). The route read it
    with the page when it was not remembered (``home.routing_cache``)."""
    known = getattr(request, "localized_root", None)
    return known if known is not None else site.root_page.localized


def _intro():
    """The ``intro`` of a page of any type, read in the same query as the page (a subquery on each
    page type's table that has one) rather than one query per type with ``.specific()``. Written
    as SQL once per process: the ORM's equivalent cost more to compile than to run."""
    global _INTRO_SQL
    if _INTRO_SQL is None:
        quote = connection.ops.quote_name
        page = quote(Page._meta.db_table)
        subqueries = [
            f"(SELECT {quote('intro')} FROM {quote(model._meta.db_table)} "  # noqa: S608
            f"WHERE {quote(model._meta.pk.column)} = {page}.{quote('id')})"
            for model in get_page_models()
            if model._meta.db_table != Page._meta.db_table
            and any(field.name == "intro" and field.model is model for field in model._meta.concrete_fields)
        ]
        _INTRO_SQL = "COALESCE(" + ", ".join([*subqueries, "''"]) + ")"
    return RawSQL(_INTRO_SQL, [], output_field=TextField())  # noqa: S611 (table and column names only)


_INTRO_SQL = None


def subpage_path(request, page):
    """The sub-route of a routable page that ``request`` is showing (a province of the province
    directory, its figures, an exhibition item) as a path to append to the page's URL, or to the
    URL of any of its translations (they are of the same type, and the routes' arguments are
    language-neutral: slugs from the reference data, translation keys). Empty for the page's own
    route and for pages without sub-routes."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or not match.url_name or not hasattr(page, "reverse_subpage"):
        return ""
    try:
        return page.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:  # a match from another page's routes
        return ""


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """One entry per site language: where the switcher links, and whether a translation exists.

    On a page, an existing live translation is linked; otherwise the link goes to a notice, in that
    language, listing the languages the page exists in (``translations.views.untranslated``). Off a
    page (search, 404), the same path under the other language prefix is linked.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    key = getattr(page, "translation_key", None)
    live = (
        visibility.public_pages(Page.objects.filter(translation_key=key)).select_related("locale")
        if key
        else Page.objects.none()
    )
    versions = {p.locale.language_code: p for p in live}
    suffix = subpage_path(request, page) if page is not None else ""
    entries = []
    for code, name in settings.LANGUAGES:
        version = versions.get(code) if page else None
        if version is not None:
            url = version.get_url(request) + suffix
        elif page is not None and page.pk:
            with override(code):
                url = reverse("untranslated", args=[page.pk])
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        entries.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == current,
                "exists": version is not None or page is None,
            }
        )
    return entries


@dataclass(frozen=True)
class MenuItem:
    pk: int
    title: str
    url: str
    intro: str


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live, public children of the current language's home page that are marked 'show in menus'.

    Every page shows the menu, so it is kept in the cache under the page cache's generation: it is
    read from the database once per content change, language and site, and is never stale."""
    request = context.get("request")
    site = _site(request)
    if site is None:
        return []

    def items():
        root = _site_root(request, site)
        pages = visibility.public_pages(root.get_children()).in_menu().annotate(menu_intro=_intro())
        return [MenuItem(page.pk, page.title, page.get_url(request), page.menu_intro or "") for page in pages]

    return page_cache.per_generation(f"menu:{site.pk}:{get_language()}", items)


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    request = context.get("request")
    site = _site(request)
    if site is None:
        return f"/{get_language()}/"
    return page_cache.per_generation(
        f"home:{site.pk}:{get_language()}",
        lambda: _site_root(request, site).get_url(request) or f"/{get_language()}/",
    )
