from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ZeroResultsReportView, may_see


@hooks.register("register_admin_urls")
def search_admin_urls():
    return [
        path(
            "reports/searches-without-results/", ZeroResultsReportView.as_view(), name="search_zero_results"
        ),
        path(
            "reports/searches-without-results/results/",
            ZeroResultsReportView.as_view(results_only=True),
            name="search_zero_results_results",
        ),
    ]


class ZeroResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see(request.user)


@hooks.register("register_reports_menu_item")
def zero_results_menu_item():
    return ZeroResultsMenuItem(
        _("Searches without results"), reverse("search_zero_results"), icon_name="search", order=60
    )
