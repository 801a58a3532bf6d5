"""The two-query route (``home.routing_cache``) gives Wagtail's own answer for every URL: each page
of the demo in each language, drafts, unknown slugs, and the paths routable pages resolve
themselves (feeds, exports, exhibition items, province pages)."""

import pytest

from django.test import RequestFactory
from django.utils import translation

from wagtail.models import Locale, Page, Site

from exhibitions.models import ExhibitionPage
from home import routing_cache
from home.models import ProvinceIndexPage
from library.models import LibraryPage
from news.models import ArticleIndexPage

pytestmark = pytest.mark.django_db

LANGUAGES = ("vi", "en", "km")


def _answer(route):
    """What a route result means: the page, its type and what a routable page resolved."""
    if route is None:
        return None
    page, args, kwargs = route
    if args:
        view, view_args, view_kwargs = args
        args = (view.__func__.__name__, tuple(view_args), tuple(sorted(view_kwargs.items())))
    return (page.pk, type(page), args, tuple(sorted(kwargs.items())))


def wagtail_route(language, path):
    with translation.override(language):
        request = RequestFactory().get(f"/{language}/{path}")
        return _answer(routing_cache._original_route(request, path))


def our_route(language, path):
    with translation.override(language):
        request = RequestFactory().get(f"/{language}/{path}")
        site = Site.find_for_request(request)
        try:
            route = routing_cache._walk(request, site, path)
        except routing_cache.Http404:
            return None
        assert route is not None, f"/{language}/{path}: fell back to Wagtail's walk"
        return _answer(route)


def paths_under_each_home():
    """Every page's path below its language's home page, with and without an unknown last slug, and
    the paths routable pages answer themselves (feeds, exports, exhibition items, provinces)."""
    paths, own = set(), set()
    for home in Page.objects.filter(depth=2):
        for page in home.get_descendants(inclusive=True).specific():
            relative = page.url_path[len(home.url_path) :]
            paths.update({relative, f"{relative}khong-co-trang-nay/", f"{relative}mot/hai/"})
            if isinstance(page, ArticleIndexPage):
                own.update({f"{relative}feed/rss/", f"{relative}feed/atom/"})
            elif isinstance(page, LibraryPage):
                own.add(f"{relative}export/csv/")
            elif isinstance(page, ExhibitionPage):
                own.update(f"{relative}items/{key}/" for key in page.item_keys())
                paths.add(f"{relative}items/00000000-0000-0000-0000-000000000000/")
            elif isinstance(page, ProvinceIndexPage):
                own.update({f"{relative}an-giang/", f"{relative}an-giang/figures/"})
    return sorted(paths), sorted(own)


def test_every_path_routes_as_wagtail_routes_it(seeded):
    paths, own = paths_under_each_home()
    assert len(own) >= 12
    for language in LANGUAGES:
        for path in paths + own:
            assert our_route(language, path) == wagtail_route(language, path), f"/{language}/{path}"
    resolved = [path for language in LANGUAGES for path in own if our_route(language, path)]
    assert len(resolved) >= 12  # routable pages' own paths were among those compared


def test_drafts_and_pages_under_a_draft_route_as_wagtail_routes_them(seeded):
    article = Page.objects.get(
        url_path__endswith="/tin-tuc/phong-chong-mua-ban-nguoi/", locale__language_code="vi"
    )
    section = article.get_parent()
    Page.objects.filter(pk=article.pk).update(live=False)
    assert our_route("vi", "tin-tuc/phong-chong-mua-ban-nguoi/") is None
    assert wagtail_route("vi", "tin-tuc/phong-chong-mua-ban-nguoi/") is None
    Page.objects.filter(pk=article.pk).update(live=True)
    Page.objects.filter(pk=section.pk).update(live=False)  # a draft section: its feeds go, its pages stay
    for path in ("tin-tuc/", "tin-tuc/feed/rss/", "tin-tuc/phong-chong-mua-ban-nguoi/"):
        assert our_route("vi", path) == wagtail_route("vi", path), path


def test_a_language_without_a_live_home_falls_back_to_wagtails_walk(seeded):
    english_home = Page.objects.get(depth=2, locale=Locale.objects.get(language_code="en"))
    Page.objects.filter(pk=english_home.pk).update(live=False)
    with translation.override("en"):
        request = RequestFactory().get("/en/")
        assert routing_cache._walk(request, Site.find_for_request(request), "") is None
        route = routing_cache.route_for_request(request, "")
    assert route.page.locale.language_code == "vi"  # Wagtail's answer: the default language's home


def test_a_route_costs_two_queries_at_any_depth(seeded, django_assert_num_queries):
    with translation.override("vi"):
        request = RequestFactory().get("/vi/")
        site = Site.find_for_request(request)
        Locale.get_active()  # kept per process (home.locale_cache)
        for path in ("", "tin-tuc/", "tin-tuc/phong-chong-mua-ban-nguoi/"):
            request = RequestFactory().get(f"/vi/{path}")
            with django_assert_num_queries(2):
                assert routing_cache._walk(request, site, path).page.url_path.endswith(path)
