"""Language switcher, hreflang alternates and the main menu, each in a fixed number of queries."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page, Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """One entry per site language: where the switcher links, and whether a translation exists.

    On a page, an existing live translation is linked; otherwise the link goes to that language's
    home page. Off a page (search, 404), the same path under the other language prefix is linked.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    root = _site_root(request)
    keys = [
        key for key in (getattr(page, "translation_key", None), getattr(root, "translation_key", None)) if key
    ]
    live = (
        Page.objects.filter(translation_key__in=keys).live().public().select_related("locale")
        if keys
        else Page.objects.none()
    )
    pages = {(p.translation_key, p.locale.language_code): p for p in live}
    entries = []
    for code, name in settings.LANGUAGES:
        translation = pages.get((getattr(page, "translation_key", None), code)) if page else None
        if translation is not None:
            url = translation.get_url(request)
        elif page is not None and root is not None and (root.translation_key, code) in pages:
            url = pages[(root.translation_key, code)].get_url(request)
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
                "exists": translation is not None or page is None,
            }
        )
    return entries


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live, public children of the current language's home page that are marked 'show in menus'."""
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return []
    home = root.localized
    return list(home.get_children().live().public().in_menu().specific(defer=True))


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return f"/{get_language()}/"
    return root.localized.get_url(request) or f"/{get_language()}/"
