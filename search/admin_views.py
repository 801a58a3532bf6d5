"""Admin report: searches that found nothing, for editors to see what readers look for and miss."""

from django_filters import ChoiceFilter, DateFromToRangeFilter

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView

from .models import ZeroResultQuery


def may_see(user):
    """Editors who manage promoted results act on this report; administrators see it too."""
    return user.is_superuser or user.has_perm("wagtailsearchpromotions.add_searchpromotion")


class ZeroResultFilterSet(WagtailFilterSet):
    language = ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    last_seen = DateFromToRangeFilter(label=_("Last searched"), widget=DateRangePickerWidget)

    class Meta:
        model = ZeroResultQuery
        fields = ["language", "last_seen"]


class ZeroResultsReportView(ReportView):
    page_title = _("Searches without results")
    header_icon = "search"
    model = ZeroResultQuery
    is_searchable = True
    search_fields = ["query", "folded"]
    filterset_class = ZeroResultFilterSet
    default_ordering = "-count"
    index_url_name = "search_zero_results"
    index_results_url_name = "search_zero_results_results"
    columns = [
        Column("query", label=_("Search"), sort_key="folded"),
        Column("language", label=_("Language"), sort_key="language"),
        NumberColumn("count", label=_("Times"), sort_key="count"),
        DateColumn("first_seen", label=_("First searched"), sort_key="first_seen"),
        DateColumn("last_seen", label=_("Last searched"), sort_key="last_seen"),
    ]
    list_export = ["query", "language", "count", "first_seen", "last_seen"]
    export_headings = {
        "query": _("Search"),
        "language": _("Language"),
        "count": _("Times"),
        "first_seen": _("First searched"),
        "last_seen": _("Last searched"),
    }

    def get_filename(self):
        return "searches-without-results"

    def get_base_queryset(self):
        return ZeroResultQuery.objects.all()

    def dispatch(self, request, *args, **kwargs):
        if not may_see(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)
