"""Admin addresses whose Wagtail views are replaced by the newsroom's (:mod:`newsroom.admin_views`).

Wagtail defines the page chooser's and these reports' views directly in its admin URL
configuration, before any hook's URLs, so no hook can replace them: ``cms/urls.py`` includes these
patterns just before Wagtail's admin, at the same addresses. They are wrapped as Wagtail wraps its
own: admin access required, the admin's 404 page, never cached.
"""

import functools

from django.http import Http404
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found

from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import admin_views


def _admin_404(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return page_not_found(request, "", template_name="wagtailadmin/404.html")

    return wrapper


urlpatterns = [
    path("choose-page/", admin_views.PageBrowseView.as_view()),
    path("choose-page/<int:parent_page_id>/", admin_views.PageBrowseView.as_view()),
    path("choose-page/search/", admin_views.PageChooserSearchView.as_view()),
    path("choose-page/chosen-multiple/", admin_views.PageChosenMultipleView.as_view()),
    path("reports/site-history/", admin_views.SiteHistoryView.as_view()),
    path("reports/site-history/results/", admin_views.SiteHistoryView.as_view(results_only=True)),
    path("reports/page-types-usage/", admin_views.PageTypesUsageView.as_view()),
    path("reports/page-types-usage/results/", admin_views.PageTypesUsageView.as_view(results_only=True)),
]
urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, _admin_404)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
