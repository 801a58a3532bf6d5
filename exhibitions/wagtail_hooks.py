from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView

from newsroom.admin_views import OrganisationSnippetViewSet, SeenObjectsIndexView
from newsroom.permissions import InstancePermissionMixin, OrganisationItemPermissionPolicy, sees_drafts
from translations.listing_columns import boolean_column

from . import admin_views, consent
from .models import ExhibitionItem


class ExhibitionItemIndexView(SeenObjectsIndexView):
    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if admin_views._may_upload(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Upload photos and scans"), url=reverse("exhibitions_upload"), icon_name="upload"
                )
            )
        return buttons


class ExhibitionItemEditView(InstancePermissionMixin, EditView):
    pass


class ExhibitionItemDeleteView(InstancePermissionMixin, DeleteView):
    pass


class ExhibitionItemViewSet(OrganisationSnippetViewSet):
    model = ExhibitionItem
    index_view_class = ExhibitionItemIndexView
    edit_view_class = ExhibitionItemEditView
    delete_view_class = ExhibitionItemDeleteView
    icon = "image"
    menu_label = _("Exhibition items")
    add_to_admin_menu = True
    menu_order = 255
    list_display = [
        "title",
        "kind",
        "date_text",
        "source",
        boolean_column(ExhibitionItem, "live"),
        boolean_column(ExhibitionItem, "consent_held"),
        "consent_until",
    ]
    list_filter = ["kind", "live", "child_present", "consent_held"]


register_permission_policy(ExhibitionItem, OrganisationItemPermissionPolicy(ExhibitionItem))
register_snippet(ExhibitionItemViewSet)


@hooks.register("register_admin_urls")
def exhibition_admin_urls():
    return [path("exhibitions/upload/", admin_views.upload_items, name="exhibitions_upload")]


class UploadMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views._may_upload(request.user)


@hooks.register("register_admin_menu_item")
def upload_menu_item():
    return UploadMenuItem(_("Upload photos"), reverse("exhibitions_upload"), icon_name="upload", order=256)


class ConsentPanel(Component):
    """Dashboard: items withdrawn because consent ended, and consent ending within 30 days."""

    template_name = "exhibitions/admin/consent_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {
            "expired": [item for item in consent.expired() if sees_drafts(user, item)],
            "expiring": [item for item in consent.expiring() if sees_drafts(user, item)],
            "days": consent.WARNING_DAYS,
        }


@hooks.register("construct_homepage_panels")
def add_consent_panel(request, panels):
    if request.user.has_perm("exhibitions.change_exhibitionitem"):
        panels.append(ConsentPanel())


@hooks.register("register_log_actions")
def register_consent_actions(actions):
    actions.register_action(
        consent.EXPIRED_ACTION, _("Consent ended"), _("Consent ended: withdrawn from public view")
    )
    actions.register_action(
        consent.EXPIRING_ACTION, _("Consent ending"), _("Editors warned that consent ends soon")
    )
