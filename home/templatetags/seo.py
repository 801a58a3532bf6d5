"""Canonical URLs, Open Graph / Twitter tags and JSON-LD for link previews and search engines."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.images.models import SourceImageIOError

from .. import visibility

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
