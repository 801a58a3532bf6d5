"""Dates in wagtail-localize's translation editor, in the admin's language.

wagtail-localize 1.14 writes the dates of its translation editor with ``strftime``
(``wagtail_localize.compat.DATE_FORMAT``): the page's last published date and each segment's note
("Translated manually on 2 December 2026"), with English month names whatever the admin language.
Our ``before_edit_page`` and ``before_edit_snippet`` hooks run before wagtail-localize's, let it
build its editor, and write those dates again as the rest of the admin writes them
(``WAGTAIL_DATE_FORMAT``, 02/12/2026: day first, no month names to translate); every other screen
passes through untouched (wagtail-localize's hook then runs as usual). The note the editor shows
after a string is saved comes from wagtail-localize's string API: :func:`edit_string_translation`
answers at its address first and writes that date the same way.

Delete this module (and its import in ``translations/wagtail_hooks.py``) when wagtail-localize formats
these dates itself: ``tests/translations/test_admin_language.py::test_localize_still_writes_english_dates``
notices.
"""

import html
import json
import re
from datetime import date

from django.conf import settings
from django.urls import path

from wagtail import hooks
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.views import edit_translation

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ENGLISH_DATE = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(MONTHS)}) (\d{{4}})\b")
PROPS = re.compile(r'data-props="([^"]*)"')


def localized(text):
    """``text`` with its English dates ("2 December 2026") written as the admin writes dates."""

    def rewrite(match):
        day, month, year = match.groups()
        return date(int(year), MONTHS.index(month) + 1, int(day)).strftime(settings.WAGTAIL_DATE_FORMAT)

    return ENGLISH_DATE.sub(rewrite, text)


def _localized_props(props):
    editing = props.get("object") or {}
    if isinstance(editing.get("lastPublishedDate"), str):
        editing["lastPublishedDate"] = localized(editing["lastPublishedDate"])
    for translation in props.get("initialStringTranslations") or []:
        if isinstance(translation.get("comment"), str):
            translation["comment"] = localized(translation["comment"])
    return props


def with_localized_dates(response):
    """wagtail-localize's editor ``response`` with the dates in its props localized."""
    if response is None or response.streaming or "html" not in response.get("Content-Type", ""):
        return response

    def rewrite(match):
        props = _localized_props(json.loads(html.unescape(match.group(1))))
        return f'data-props="{html.escape(json.dumps(props), quote=True)}"'

    response.content = PROPS.sub(rewrite, response.content.decode(response.charset))
    return response


@hooks.register("before_edit_page", order=-1)
def before_edit_page(request, page):
    if request.method != "GET":
        return None
    return with_localized_dates(localize_hooks.before_edit_page(request, page))


@hooks.register("before_edit_snippet", order=-1)
def before_edit_snippet(request, instance):
    if request.method != "GET":
        return None
    return with_localized_dates(localize_hooks.before_edit_snippet(request, instance))


def edit_string_translation(request, translation_id, string_segment_id):
    """wagtail-localize's string API (saving one string's translation), its note's date localized."""
    response = edit_translation.edit_string_translation(
        request, translation_id=translation_id, string_segment_id=string_segment_id
    )
    data = getattr(response, "data", None)
    if isinstance(data, dict) and isinstance(data.get("comment"), str):
        data["comment"] = localized(data["comment"])
    return response


@hooks.register("register_admin_urls", order=-1)
def string_api_urls():
    # The address of wagtail_localize:edit_string_translation, registered before wagtail-localize's.
    return [
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            edit_string_translation,
            name="translations_edit_string_translation",
        )
    ]
