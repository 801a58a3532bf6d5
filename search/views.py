"""The site search page and its autocomplete: every content type, current language or all."""

import math

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from home import page_cache, parameters
from home.models import Convention, Province

from . import query as search_query
from .forms import SearchForm

RESULTS_PER_PAGE = 10
MAX_PAGE = 1000
KINDS = {
    "article": _("Articles"),
    "product": _("Library products"),
    "convention": _("Conventions"),
    "exhibition": _("Exhibitions"),
    "item": _("Exhibition items"),
    "page": _("Pages"),
}


def _terms(model, locale):
    """Every term of ``model`` in ``locale`` by slug, for filters and facet labels; kept per
    content generation (``home.page_cache``), which any taxonomy change renews."""

    def terms():
        rows = model.objects.filter(locale=locale)
        if model is Province:
            rows = rows.select_related("successor")
        return {row.slug: row for row in rows}

    return page_cache.per_generation(f"terms:{model._meta.label_lower}:{locale.pk}", terms)


def _filters(params, locale):
    """Facet filters from the query string; unknown values are ignored (and listed)."""
    filters, ignored = {}, []
    kinds = [kind for kind in params.getlist("kind") if kind in KINDS]
    ignored += [value for value in params.getlist("kind") if value not in KINDS]
    if kinds:
        filters["kind"] = kinds
    for name, model in (("convention", Convention), ("province", Province)):
        values = params.getlist(name)[:20]
        if not values:
            continue
        terms = _terms(model, locale)
        for slug in values:
            term = terms.get(slug)
            if term is None:
                ignored.append(slug)
            elif model is Province and term.valid_until:
                filters.setdefault("province_tagged", []).append(term.translation_key.hex)
            else:
                filters.setdefault(name, []).append(term.translation_key.hex)
    years = []
    for value in params.getlist("year"):
        try:
            years.append(str(parameters.integer(value, minimum=1900, maximum=2200)))
        except parameters.BadValue:
            ignored.append(value)
    if years:
        filters["year"] = years
    return filters, ignored


def _facet_options(counts, params, locale):
    chosen = {name: set(params.getlist(name)) for name in ("kind", "convention", "province", "year")}
    blocks = []
    kind_options = [(kind, str(label), counts["kind"].get(kind, 0)) for kind, label in KINDS.items()]
    blocks.append(("kind", _("Type"), [o for o in kind_options if o[2]]))
    for name, model, label in (
        ("convention", Convention, _("Convention")),
        ("province", Province, _("Province")),
    ):
        by_key = {term.translation_key.hex: term for term in _terms(model, locale).values()}
        options = [
            (by_key[key].slug, str(by_key[key]), n) for key, n in counts[name].items() if key in by_key
        ]
        options.sort(key=lambda option: (-option[2], option[1]))
        blocks.append((name, label, options[:30]))
    years = sorted(counts["year"].items(), reverse=True)
    blocks.append(("year", _("Year"), [(year, year, n) for year, n in years]))
    return [
        {
            "name": name,
            "label": label,
            "options": [
                {"value": value, "label": text, "count": n, "selected": value in chosen[name]}
                for value, text, n in options
            ],
        }
        for name, label, options in blocks
    ]


def _page_number(value):
    try:
        return min(max(parameters.integer(value or "1"), 1), MAX_PAGE)
    except parameters.BadValue:
        return 1


@require_safe
def search(request):
    form = SearchForm(request.GET or None)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    everywhere = request.GET.get("scope") == "all"
    locale = Locale.get_active()
    filters, ignored = _filters(request.GET, locale)
    context = {"form": form, "query": text, "everywhere": everywhere, "ignored": ignored, "searched": False}
    if text or filters:
        number = _page_number(request.GET.get("page"))
        search_locale = None if everywhere else locale
        results = search_query.search(
            text,
            locale=search_locale,
            filters=filters,
            offset=(number - 1) * RESULTS_PER_PAGE,
            limit=RESULTS_PER_PAGE,
            reader=locale,
        )
        pages = max(1, math.ceil(results.total / RESULTS_PER_PAGE))
        if number > pages and results.total:
            number = pages
            results = search_query.search(
                text,
                locale=search_locale,
                filters=filters,
                offset=(number - 1) * RESULTS_PER_PAGE,
                limit=RESULTS_PER_PAGE,
                reader=locale,
            )
        if text and not results.total and not filters and number == 1:
            search_query.record_zero_results(text, locale.language_code)
        params = request.GET.copy()
        params.pop("page", None)
        languages = {loc.pk: loc for loc in Locale.objects.all()} if everywhere else {}
        for document in results.documents:
            document.kind_label = KINDS.get(document.kind, "")
            document.language = languages.get(document.locale_id)
        facets = _facet_options(results.facets, request.GET, locale)
        context.update(
            searched=True,
            results=results,
            number=number,
            pages=pages,
            previous_page=number - 1 if number > 1 else None,
            next_page=number + 1 if number < pages else None,
            facets=facets,
            # No options to refine by (nothing found, or nothing to tell apart): no filter panel.
            refinable=any(block["options"] for block in facets),
            promotions=search_query.promotions(text, locale) if text and number == 1 else [],
            query_string=params.urlencode(),
        )
    return TemplateResponse(request, "search/search.html", context)


@require_safe
def suggest(request):
    """Autocomplete: titles in the reader's language that start with what has been typed."""
    text = search_query.clean_query(request.GET.get("q", ""))
    results = search_query.suggest(text, locale=Locale.get_active()) if len(text) >= 2 else []
    for result in results:
        result["kind"] = str(KINDS.get(result["kind"], ""))
    response = JsonResponse({"query": text, "results": results}, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "max-age=60"
    return response
