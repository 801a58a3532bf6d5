from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from . import (  # noqa: F401 (hooks: chooser_texts, localize_dates, menu_labels)
    admin_views,
    chooser_texts,
    localize_dates,
    menu_labels,
    provenance,
    workflow,
)


@hooks.register("register_admin_urls")
def translation_admin_urls():
    return [
        path("translations/", admin_views.TranslationsReportView.as_view(), name="translations_report"),
        path(
            "translations/results/",
            admin_views.TranslationsReportView.as_view(results_only=True),
            name="translations_report_results",
        ),
        path(
            "translations/export/<int:page_id>/", admin_views.export_translation, name="translations_export"
        ),
        path("translations/import/", admin_views.import_translation, name="translations_import"),
        path(
            "translations/review/<int:page_id>/",
            workflow.submit_for_review,
            name="translations_submit_for_review",
        ),
        path(
            "translations/reviewed/<int:page_id>/",
            admin_views.mark_reviewed,
            name="translations_mark_reviewed",
        ),
    ]


@hooks.register("register_reports_menu_item")
def translations_menu_item():
    return MenuItem(_("Translations"), reverse("translations_report"), icon_name="globe", order=40)


@hooks.register("before_edit_page", order=-10)
def warn_about_unreviewed_machine_translation(request, page):
    """Shown above both editors (Wagtail's and wagtail-localize's translation editor, which replaces
    the page's panels for synchronised translations): the page carries machine-made text."""
    if request.method == "GET" and provenance.is_unreviewed_machine_translation(page):
        messages.warning(
            request,
            _("Parts of this translation were made by a machine and no person has reviewed them yet."),
            buttons=[
                messages.button(
                    reverse("translations_mark_reviewed", args=[page.pk]),
                    _("I have reviewed this translation"),
                )
            ],
        )
