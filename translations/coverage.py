"""Which translations exist, and in what state.

For content written in the default language (Vietnamese), each other language's version is:

- ``missing``: no page in that language shares its translation key;
- ``draft``: a page exists but is not published;
- ``outdated``: published, but the Vietnamese page was published again after it (its text may have
  changed since the translation was made);
- ``published``: published, and published no earlier than the Vietnamese page.

A published translation is also ``machine`` when it contains machine-made strings saved after the
latest review by a person (``translations.provenance``).
"""

from django.conf import settings
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When

from wagtail.models import Page

MISSING, DRAFT, OUTDATED, PUBLISHED = "missing", "draft", "outdated", "published"
STATES = (MISSING, DRAFT, OUTDATED, PUBLISHED)


def other_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def with_states(pages):
    """``pages`` (in the source language) annotated with ``<lang>_state`` for each other language,
    in one query."""
    annotations = {}
    for code in other_languages():
        versions = Page.objects.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=code
        )
        annotations[f"{code}_exists"] = Exists(versions)
        annotations[f"{code}_live"] = Exists(versions.filter(live=True))
        annotations[f"{code}_published_at"] = Subquery(versions.values("last_published_at")[:1])
    pages = pages.annotate(**annotations)
    states = {}
    for code in other_languages():
        states[f"{code}_state"] = Case(
            When(**{f"{code}_exists": False}, then=Value(MISSING)),
            When(**{f"{code}_live": False}, then=Value(DRAFT)),
            When(**{f"{code}_published_at__lt": F("last_published_at")}, then=Value(OUTDATED)),
            default=Value(PUBLISHED),
        )
    return pages.annotate(**states)


def in_state(pages, state, languages=None):
    """Filter annotated ``pages`` to those whose version is in ``state`` in any of ``languages``."""
    condition = Q()
    for code in languages or other_languages():
        condition |= Q(**{f"{code}_state": state})
    return pages.filter(condition)


def counts(pages):
    """``{language: {state: n}}`` for annotated ``pages``, in one grouped query per language."""
    result = {}
    for code in other_languages():
        rows = pages.order_by().values(f"{code}_state").annotate(n=Count("pk"))
        result[code] = dict.fromkeys(STATES, 0) | {row[f"{code}_state"]: row["n"] for row in rows}
    return result


def _older(version, source):
    published, source_published = version.last_published_at, source.last_published_at
    return bool(published and source_published and published < source_published)


def page_states(page):
    """``[(language code, language name, state, version or None)]`` for one page, from the point of
    view of its source-language version."""
    versions = {
        version.locale.language_code: version
        for version in Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    }
    source = versions.get(settings.LANGUAGE_CODE) or page
    rows = []
    for code, name in settings.LANGUAGES:
        version = versions.get(code)
        if version is None:
            state = MISSING
        elif code == source.locale.language_code:
            state = PUBLISHED if version.live else DRAFT
        elif not version.live:
            state = DRAFT
        elif _older(version, source):
            state = OUTDATED
        else:
            state = PUBLISHED
        rows.append((code, name, state, version))
    return rows
