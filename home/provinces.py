"""Merger-aware province semantics, used by every filter in the project.

Filtering by a current province includes content tagged with it and with every former province
merged into it (Bắc Ninh includes Bắc Giang). Filtering by a former province includes content
tagged with it only. Content keeps the province it was tagged with: history is not rewritten.
"""

import uuid

from wagtail.models import Locale

from .models.taxonomy import Province

#: The lookup from a page to the translation keys of the provinces it is tagged with.
PAGE_PROVINCE_KEY = "province_tags__province__translation_key"


def _former_units():
    """``{successor's translation key: {translation keys of the units merged into it}}``, from the
    term index (``home.term_index``), which any change to a province renews."""
    from . import term_index

    return term_index.terms().formers


def _uuid(value):
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def matching_keys(translation_keys):
    """Translation keys of the provinces whose content a filter on ``translation_keys`` includes:
    the units themselves and the former units merged into them."""
    keys = set(translation_keys)
    if not keys:
        return set()
    formers = _former_units()
    return keys.union(*(formers.get(_uuid(key), ()) for key in keys))


def filter_pages(queryset, translation_keys):
    """Pages tagged with any of the provinces (merger-aware), without duplicates."""
    keys = matching_keys(translation_keys)
    if not keys:
        return queryset
    tagged = queryset.model.objects.filter(**{f"{PAGE_PROVINCE_KEY}__in": keys}).values("pk")
    return queryset.filter(pk__in=tagged)


def for_locale(locale=None):
    """Provinces in ``locale`` (default: the active one), successors loaded, current units first."""
    locale = locale or Locale.get_active()
    return Province.objects.filter(locale=locale).select_related("successor")


def get_by_slug(slug, locale=None):
    return for_locale(locale).filter(slug=slug).first()
