"""Showing and filtering by taxonomy terms across languages.

Tags may point at a term in any locale; everything here works through translation keys and shows
the active language's version of each term (falling back to the tagged row when a term has no
translation yet).
"""

from django.apps import apps
from django.db.models import Case, Q, QuerySet, Value, When

from wagtail.models import Locale

from . import provinces, visibility
from .models.mixins import TaggedPageMixin
from .models.taxonomy import TaxonomyTerm


def localized_terms(rows, locale=None):
    """The versions of ``rows`` (terms of one model) in ``locale`` (a Locale, its id, or the active
    one), in the same order.

    Given an unevaluated queryset (a page's tags), the tagged rows and their translations come
    back in one query."""
    locale_id = locale if isinstance(locale, int) else (locale or Locale.get_active()).pk
    if isinstance(rows, QuerySet) and rows._result_cache is None:
        return _localized_queryset(rows, locale_id)
    rows = list(rows)
    if not rows:
        return []
    if all(row.locale_id == locale_id for row in rows):
        return rows  # already in that language: nothing to look up
    model = type(rows[0])
    terms = model.objects.filter(translation_key__in=[r.translation_key for r in rows], locale_id=locale_id)
    terms = terms.select_related(*getattr(model, "localized_select_related", ()))
    translated = {term.translation_key: term for term in terms}
    return [translated.get(row.translation_key, row) for row in rows]


def terms_together(querysets, extra=()):
    """The rows of several querysets of taxonomy terms (any mix of ``TaxonomyTerm`` models) in one
    ``UNION ALL`` query: a list of term lists, one per queryset, unordered.

    The taxonomies share their columns, so terms come back with those loaded; a column of one
    taxonomy only (a convention's dates) is read if asked for. With ``extra`` (names of annotations
    every queryset has), each term comes as ``(term, *values)``."""
    if not querysets:
        return []
    parts = [
        queryset.annotate(term_set=Value(index)).order_by().values_list(*_TERM_COLUMNS, *extra, "term_set")
        for index, queryset in enumerate(querysets)
    ]
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    found = [[] for _ in querysets]
    width = len(_TERM_COLUMNS)
    for row in rows:
        queryset = querysets[row[-1]]
        term = queryset.model.from_db(queryset.db, _TERM_COLUMNS, row[:width])
        found[row[-1]].append((term, *row[width:-1]) if extra else term)
    return found


#: The columns every taxonomy shares and pages show; ``loaded_values`` (the reference data's
#: bookkeeping) and ``description`` are read only if asked for.
_TERM_COLUMNS = [
    "id",
    *(
        field.attname
        for field in TaxonomyTerm._meta.concrete_fields
        if not field.primary_key and field.name not in ("loaded_values", "description")
    ),
]


def tagged_page_models():
    """Page types that list themselves on convention and province pages, in section order."""
    models = [
        model
        for model in apps.get_models()
        if issubclass(model, TaggedPageMixin) and getattr(model, "related_section_title", None)
    ]
    return sorted(models, key=lambda model: model.related_section_order)


def related_sections(*, locale=None, conventions=(), provinces_=(), limit=6):
    """Live public pages tagged with the given convention or province keys, newest first.

    Returns ``[(title, [pages])]`` for each taggable page type that has matches, in ``locale``.
    One query per page type.
    """
    locale = locale or Locale.get_active()
    sections = []
    for model in tagged_page_models():
        pages = visibility.visible(model.objects.filter(locale=locale))
        if conventions:
            pages = pages.filter(conventions__translation_key__in=list(conventions))
        if provinces_:
            pages = provinces.filter_pages(pages, provinces_)
        pages = pages.distinct().order_by(f"-{model.listing_date_field}", "-pk")[:limit]
        pages = list(pages)
        if pages:
            sections.append((model.related_section_title, pages))
    return sections


def _localized_queryset(tagged, locale_id):
    model = tagged.model
    rows = (
        model.objects.filter(
            Q(pk__in=tagged.values("pk"))
            | Q(locale_id=locale_id, translation_key__in=tagged.values("translation_key"))
        )
        .annotate(is_tagged=Case(When(pk__in=tagged.values("pk"), then=Value(True)), default=Value(False)))
        .select_related(*getattr(model, "localized_select_related", ()))
    )
    rows = list(rows)
    translated = {row.translation_key: row for row in rows if row.locale_id == locale_id}
    return [translated.get(row.translation_key, row) for row in rows if row.is_tagged]
