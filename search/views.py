"""The site search page: published pages in the current language, paginated."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from .forms import SearchForm
from .wagtail_13227 import strip_quotes

RESULTS_PER_PAGE = 10


def search(request):
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = Page.objects.none()
    if strip_quotes(query):
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public().specific()
        if locale is not None:
            pages = pages.filter(locale=locale)
        results = pages.search(strip_quotes(query), operator="and")
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"form": form, "query": query, "page_obj": page_obj, "results": page_obj.object_list},
    )
