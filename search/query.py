"""Searching, for every caller: the site search page, the library, its API and autocomplete.

Callers pass what the reader typed and get results; nothing here or in the callers depends on
which backend is configured (:func:`search.backends.get_index` decides).
"""

from dataclasses import dataclass

from django.db.models import F
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import ngettext

from wagtail.models import Locale

from . import analysis, highlight, sources
from .backends import SearchRequest, get_index
from .folding import fold
from .models import SearchDocument, ZeroResultQuery

clean_query = analysis.clean_query
FACETS = ["kind", "convention", "province", "year"]
METADATA_VALUES = 4  # values shown per metadata label (those with the reader's words first)
METADATA_LENGTH = 80  # characters of one metadata value shown (a convention's long name)


def _english(locale):
    return locale is not None and locale.language_code == "en"


@dataclass
class Results:
    query: str
    groups: list
    documents: list  # SearchDocument, best first, each as :func:`present` leaves it
    total: int
    facets: dict

    def __bool__(self):
        return bool(self.total)


def search(text, *, locale=None, kinds=None, filters=None, facets=FACETS, offset=0, limit=10, reader=None):
    """Documents matching ``text`` (every word) in ``locale`` (``None``: every language).

    ``reader`` is the reader's language (a ``Locale``); it decides English stemming and stop
    words for the query. Without text, everything that matches the filters, newest first.
    """
    reader = reader or locale
    groups = analysis.analyse_query(text, english=_english(reader))
    if text and clean_query(text) and not groups:
        return Results(clean_query(text), [], [], 0, {name: {} for name in facets})
    request = SearchRequest(
        groups=groups,
        locale_id=locale.pk if locale else None,
        kinds=kinds,
        filters={name: list(values) for name, values in (filters or {}).items() if values},
        facets=list(facets),
        offset=offset,
        limit=limit,
    )
    result = get_index().search(request)
    rows = SearchDocument.objects.in_bulk(result.ids)
    languages = _languages(rows.values(), reader)
    documents = []
    for pk in result.ids:
        document = rows.get(pk)
        if document is not None:
            present(document, groups, english=_english(reader), language=languages.get(document.locale_id))
            documents.append(document)
    return Results(clean_query(text), groups, documents, result.total, result.facets)


def _languages(documents, reader):
    """Language codes of the documents in another language than the reader's, by locale id."""
    others = {document.locale_id for document in documents} - {reader.pk if reader else None}
    if not others or reader is None:
        return {}
    return dict(Locale.objects.filter(pk__in=others).values_list("pk", "language_code"))


@dataclass
class Metadata:
    """One line of a result's metadata: a label in the reader's language (lazy) and its values as
    escaped HTML, matched words in ``<mark>``."""

    key: str
    label: str
    value: str


def present(document, groups, *, english=False, language=None):
    """Give ``document`` what a list of results shows:

    - ``snippet``: escaped HTML from what the authors wrote (``document.text``), around the
      reader's words, or, when they are found only in an attached file's text, from that text;
    - ``snippet_file``: the name of that file, or ``None``;
    - ``metadata_shown``: :class:`Metadata` by label, in the order of ``sources.METADATA``.

    ``language``: the document's language code when it differs from the reader's (each value is
    then marked with it); labels are in the reader's language."""
    shown, document.snippet_file = highlight.excerpt(document.text, groups, english=english), None
    if groups and not shown.matched:
        for name, body in document.attachments or ():
            found = highlight.excerpt(body, groups, english=english)
            if found.matched:
                shown, document.snippet_file = found, name or "?"
                break
    document.snippet = highlight.render(shown)
    document.metadata_shown = _metadata(document.metadata, groups, english, language)
    return document


def _metadata(pairs, groups, english, language):
    by_key = {}
    for key, value in pairs or ():
        part = highlight.excerpt(value, groups, english=english, length=METADATA_LENGTH)
        if part.shown:
            by_key.setdefault(key, []).append(part)
    order = list(sources.METADATA)
    lines = []
    for key in sorted(by_key, key=lambda key: order.index(key) if key in order else len(order)):
        parts = sorted(by_key[key], key=lambda part: not part.matched)  # stable: matches first
        values = format_html_join(", ", "{}", ((highlight.render(part),) for part in parts[:METADATA_VALUES]))
        if language:
            values = format_html('<span lang="{}">{}</span>', language, values)
        more = len(parts) - METADATA_VALUES
        if more > 0:
            values = format_html(
                "{} {}",
                values,
                ngettext("and %(count)s other", "and %(count)s others", more) % {"count": more},
            )
        lines.append(Metadata(key, sources.METADATA.get(key, key), values))
    return lines


def suggest(text, *, locale, limit=8):
    """Titles, addresses and kinds of the best matches for what is being typed."""
    groups = analysis.analyse_query(text, english=_english(locale))
    ids = get_index().suggest(groups, locale_id=locale.pk, limit=limit)
    rows = SearchDocument.objects.in_bulk(ids)
    return [{"title": rows[pk].title, "url": rows[pk].url, "kind": rows[pk].kind} for pk in ids if pk in rows]


def matching_objects(text, *, locale, kind):
    """The ids of ``kind`` objects in ``locale`` matching ``text``, for
    ``queryset.filter(pk__in=...)``: the index's subquery, or on PostgreSQL the ids found once
    (``DatabaseIndex.matching_ids``) as a bound array; ``None`` when the text has nothing to
    search for."""
    groups = analysis.analyse_query(text, english=_english(locale))
    if not groups:
        return None
    request = SearchRequest(groups=groups, locale_id=locale.pk, kinds=[kind])
    index = get_index()
    ids = index.matching_ids(request)
    if ids is not None:
        return RawSQL("SELECT unnest(%s::integer[])", [ids])
    sql, params = index.matching_sql(request)
    return RawSQL(sql, params)  # noqa: S611 - fixed SQL from search.backends; values are parameters


class RankedObjects:
    """``queryset``'s objects matching ``text``, best first, as a sequence a Paginator can page:
    the index ranks and counts; only the requested page of objects is loaded. Call
    :meth:`prefetch` with the page about to be shown so the total and the page come from one
    ranked query."""

    def __init__(self, queryset, text, *, locale, kind):
        self.queryset = queryset
        self.groups = analysis.analyse_query(text, english=_english(locale))
        sql, params = queryset.values("pk").query.sql_with_params()
        self.request = SearchRequest(
            groups=self.groups, locale_id=locale.pk, kinds=[kind], object_filter=(sql, params)
        )
        self._count = None
        self._window = None  # (offset, limit, document ids)

    def prefetch(self, offset, limit):
        if not self.groups:
            self._count, self._window = 0, (offset, limit, [])
            return
        self.request.offset, self.request.limit = offset, limit
        result = get_index().search(self.request)
        self._count, self._window = result.total, (offset, limit, result.ids)

    def count(self):
        if self._count is None:
            self.prefetch(0, 1)
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if not isinstance(window, slice) or not self.groups:
            return [] if isinstance(window, slice) else None
        start, stop = window.start or 0, window.stop or 0
        if self._window and self._window[:2] == (start, stop - start):
            ids = self._window[2]
        else:
            self.prefetch(start, stop - start)
            ids = self._window[2]
        object_ids = dict(SearchDocument.objects.filter(pk__in=ids).values_list("pk", "object_id"))
        objects = self.queryset.in_bulk([object_ids[pk] for pk in ids if pk in object_ids])
        return [objects[object_ids[pk]] for pk in ids if object_ids.get(pk) in objects]


def record_zero_results(text, language):
    """Count a search that found nothing, folded so “quyền”, “quyen” and “Quyen” are one row."""
    query = clean_query(text)
    folded = fold(query)[:200]
    if not folded:
        return
    row, created = ZeroResultQuery.objects.get_or_create(
        folded=folded, language=language, defaults={"query": query}
    )
    if not created:
        ZeroResultQuery.objects.filter(pk=row.pk).update(
            count=F("count") + 1, last_seen=timezone.now(), query=query
        )


def promotions(text, locale):
    """Editors' pinned results (Wagtail search promotions) for this query, in the reader's language:
    the promotion's query and the reader's text are compared folded."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from home import visibility

    folded = fold(clean_query(text))
    if not folded:
        return []
    candidates = SearchPromotion.objects.select_related("query", "page").annotate(
        length=Length("query__query_string")
    )
    pinned = []
    for promotion in candidates.filter(length__lte=200).order_by("sort_order"):
        if fold(promotion.query.query_string) != folded:
            continue
        if promotion.page_id:
            page = promotion.page.get_translation_or_none(locale) or promotion.page
            if not visibility.page_is_public(page):
                continue
            promotion.target_title, promotion.target_url = page.title, page.url
        else:
            promotion.target_title, promotion.target_url = (
                promotion.external_link_text,
                promotion.external_link_url,
            )
        pinned.append(promotion)
    return pinned
