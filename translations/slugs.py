"""Readable page addresses: ASCII slugs that keep Vietnamese letters, and translations' own slugs.

The site's slugs are ASCII (``WAGTAIL_ALLOW_UNICODE_SLUGS = False``). Left to themselves, Wagtail
8.0 and Django drop every Vietnamese letter they cannot decompose: on the server,
``slugify("Đào tạo", allow_unicode=False)`` gives ``ao-tao``; in the admin, the slug field's
script knows no Vietnamese (its "đ" becomes "dj" and "ậ", "ấ", "ỹ" disappear: "Tập huấn kỹ năng"
gave ``tp-hun-k-nang``). Here:

* :func:`ascii_slug` writes a title as Vietnamese readers expect: letters kept without their
  marks, ``đ`` as ``d`` (``Tập huấn kỹ năng`` → ``tap-huan-ky-nang``);
* :class:`SlugInput`, the admin's widget for every slug field (registered in
  ``translations/apps.py`` through Wagtail's ``register_form_field_override``), gives Wagtail's
  own slug script the same rule as formatters (regular expressions, no script of ours: CSP-safe);
* :class:`ReadableSlugMixin`, part of every page type through ``home.models.mixins.SeoMixin``,
  applies it on the server before Wagtail's own default (pages created in code, imports, the
  demo) and gives translations their own slugs (:func:`readable_slug`).

A translation's slug: wagtail-localize copies the original's slug into a new translation and
puts it back on every sync while nobody has translated that string. When a translation's slug is
still the original's, it is made from the translation's title (``Skills training`` →
``skills-training``) unless that title gives nothing in ASCII (a Khmer title keeps the original's
slug), only while the translation has never been published, and only when the original's slug was
itself made from its title: a slug chosen by hand (a convention's ``crc``, the library's
``library``) is every language's on purpose. Once a translation has a slug of
its own it keeps it on later syncs and title changes, and a published translation's address never
changes by itself. A slug a translator writes (the slug is a string of the translation editor) is
used as written.
"""

import re
import unicodedata

from django.utils.text import slugify

from wagtail.admin.widgets import SlugInput as WagtailSlugInput
from wagtail.coreutils import find_available_slug

#: Vietnamese letters and what their slug keeps (upper case too): precomposed forms, as typed.
VIETNAMESE = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
    "d": "đ",
}
#: For the admin's slug script: each letter group to its base letter, then any combining mark left
#: (text typed with decomposed accents) removed.
FORMATTERS = [
    *((f"[{letters}]", base) for base, letters in VIETNAMESE.items()),
    *((f"[{letters.upper()}]", base.upper()) for base, letters in VIETNAMESE.items()),
    (r"[\u0300-\u036f]", ""),
]


def transliterate(text):
    """``text`` with Vietnamese (and other Latin) letters without their marks; ``đ`` is ``d``."""
    text = unicodedata.normalize("NFKD", text or "").replace("đ", "d").replace("Đ", "D")
    return "".join(character for character in text if not unicodedata.combining(character))


def ascii_slug(text):
    """The ASCII slug of ``text`` (empty for a text without Latin letters or digits)."""
    return slugify(transliterate(text))


class SlugInput(WagtailSlugInput):
    """Wagtail's slug widget with the Vietnamese letters of :data:`FORMATTERS`."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=formatters or FORMATTERS, locale=locale)


def _parent(page):
    if page.path:
        return page.get_parent()
    return getattr(page, "_cached_parent_obj", None)


def _original(page):
    """The page ``page`` translates (same translation key, default language), or None."""
    from django.conf import settings

    from wagtail.models import Page

    if not page.translation_key:
        return None
    rows = Page.objects.filter(
        translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
    )
    if page.pk:
        rows = rows.exclude(pk=page.pk)
    return rows.only("slug", "title").first()


def readable_slug(page):
    """Give ``page`` the slug this module promises, before Wagtail validates it."""
    parent = _parent(page)
    if parent is None:
        return  # not in the tree yet: Wagtail cleans it again once it is
    if not page.slug:
        base = ascii_slug(page.title)
        if base:
            page.slug = find_available_slug(parent, base, ignore_page_id=page.pk)
        return
    original = _original(page)
    if original is None or page.slug != original.slug:
        if not re.fullmatch(r"[-a-zA-Z0-9_]+", page.slug):
            page.slug = ascii_slug(page.slug) or page.slug  # typed with marks: keep its letters
        return
    # Still the original's slug, as wagtail-localize copies it.
    stored = type(page).objects.filter(pk=page.pk).values_list("slug", flat=True).first() if page.pk else None
    if stored and stored != original.slug:
        page.slug = stored  # the translation's own slug, kept on later syncs
        return
    if page.first_published_at is not None:
        return  # published under the original's slug: its address stays
    if not _made_from_title(original):
        return  # a slug chosen by hand ("crc", "library") is every language's on purpose
    base = ascii_slug(page.title)
    if base and base != original.slug and page.title != original.title:
        page.slug = find_available_slug(parent, base, ignore_page_id=page.pk)


def _made_from_title(page):
    """Is ``page``'s slug its title's (``ascii_slug``, perhaps with Wagtail's ``-2`` suffix)?"""
    base = ascii_slug(page.title)
    return bool(base) and re.fullmatch(re.escape(base) + r"(-\d+)?", page.slug) is not None


class ReadableSlugMixin:
    """For page types: :func:`readable_slug` before Wagtail's own checks and defaults."""

    def full_clean(self, *args, **kwargs):
        readable_slug(self)
        return super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        readable_slug(self)
        return super().minimal_clean()
