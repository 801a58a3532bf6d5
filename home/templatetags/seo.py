"""Canonical URLs, Open Graph / Twitter tags and JSON-LD for link previews and search engines."""

import json

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from wagtail.images.models import SourceImageIOError

from .. import visibility
from .navigation import subpage_path

register = template.Library()

OG_LOCALES = {"vi": "vi_VN", "en": "en_US", "km": "km_KH"}
SOCIAL_RENDITION = "fill-1200x630|format-jpeg|jpegquality-80"


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    request = context.get("request")
    if not path or request is None or path.startswith(("http://", "https://")):
        return path or ""
    return request.build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL of what the page shows: the page, or the sub-route of a routable page
    (a province, its figures, an exhibition item), without the query string."""
    page = context.get("page")
    if page is None:
        return ""
    return absolute_url(context, page.url + (subpage_path(context.get("request"), page) or ""))


@register.simple_tag(takes_context=True)
def social_image(context, image):
    """The 1200×630 JPEG rendition of ``image`` used in link previews, as an absolute URL (none for
    an image withheld from the public)."""
    if not visibility.public_image(image):
        return ""
    try:
        rendition = image.get_rendition(SOCIAL_RENDITION)
    except SourceImageIOError:  # the original is missing or unreadable: no preview image, not a 500
        return ""
    return absolute_url(context, rendition.url)


@register.filter
def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code)


@register.simple_tag
def json_ld(data):
    """A JSON-LD data block. Data blocks are not executed, so a script-src CSP does not apply."""
    payload = json.dumps(data, ensure_ascii=False, default=str)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


def site_publisher(context):
    """The portal itself as a schema.org Organization: the publisher of pages that name none."""
    request = context.get("request")
    return {
        "@type": "Organization",
        "name": gettext("Human rights"),
        "url": request.build_absolute_uri("/") if request is not None else "/",
    }


@register.simple_tag(takes_context=True)
def page_json_ld(context):
    """schema.org data for any page: what every page has (name, URL, language, description,
    publisher, image), then what its type declares in ``structured_data(context)`` (an article, a
    product, an exhibition...), which may override any of it."""
    page = context.get("page")
    if page is None or not hasattr(page, "structured_data"):
        return ""
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "name": page.seo_title or page.title,
        "url": canonical_url(context),
        "inLanguage": page.locale.language_code,
        "publisher": site_publisher(context),
    }
    description = strip_tags(page.get_meta_description() or "").strip()
    if description:
        data["description"] = description
    image = social_image(context, getattr(page, "public_hero_image", None))
    if image:
        data["image"] = [image]
    data.update(page.structured_data(context, dict(data)))
    return json_ld(data)
