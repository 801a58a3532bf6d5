from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView

from translations.breadcrumbs import SnippetViewSet
from translations.listing_columns import boolean_column

from . import admin_views, report_views
from .models import LibraryPage, PartnerKey


@hooks.register("register_admin_urls")
def library_admin_urls():
    return [
        path("library/import/", admin_views.import_products, name="library_import"),
        path(
            "library/import/<int:batch_id>/commit/", admin_views.commit_import, name="library_import_commit"
        ),
        path("library/reports/", report_views.reports_index, name="library_reports"),
        path(
            "library/reports/annual/<slug:slug>/<str:year>/",
            report_views.annual_report,
            name="library_annual_report",
        ),
        path(
            "library/reports/annual/<slug:slug>/<str:year>/xlsx/",
            report_views.annual_report,
            {"fmt": "xlsx"},
            name="library_annual_report_xlsx",
        ),
    ]


@hooks.register("register_reports_menu_item")
def reports_menu_item():
    return MenuItem(_("Plan targets and products"), reverse("library_reports"), icon_name="table", order=50)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        library = LibraryPage.objects.first()
        return bool(library and library.permissions_for_user(request.user).can_add_subpage())


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(_("Import products"), reverse("library_import"), icon_name="upload", order=260)


class PartnerKeyCreateView(CreateView):
    def get_success_message(self, instance):
        return _("Key issued for %(agency)s. Give them this key now; it is not shown again: %(secret)s") % {
            "agency": instance.agency,
            "secret": instance.issued_secret,
        }


class PartnerKeyViewSet(SnippetViewSet):
    model = PartnerKey
    add_view_class = PartnerKeyCreateView
    icon = "key"
    menu_label = _("Partner API keys")
    add_to_admin_menu = True
    menu_order = 270
    list_display = ["agency", "prefix", "requests_per_minute", boolean_column(PartnerKey, "active")]
    form_fields = ["agency", "requests_per_minute", "active"]


register_snippet(PartnerKeyViewSet)
