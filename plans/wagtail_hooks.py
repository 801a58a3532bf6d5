from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    IndexView,
    SnippetViewSetGroup,
)

from library.languages import language_viewset
from newsroom.permissions import InstancePermissionMixin
from newsroom.roles import organisation_of, roles_of
from translations.breadcrumbs import SnippetViewSet

from . import admin_views
from .models import AudienceGroup, Event, Plan, PressBriefing, QuizPage, Training

ACTIONS = {"add", "change", "delete", "view"}


class AgencyRecordPermissionPolicy(ModelPermissionPolicy):
    """Trainings, briefings and events: an organisation's editors record their own agency's,
    administrators and reviewers everyone's (Django's model permissions still count as well)."""

    def _editor_keys(self, user):
        roles = roles_of(user)
        return None if (user.is_superuser or roles.sees_everything) else roles.organisation_keys

    def user_has_permission(self, user, action):
        if super().user_has_permission(user, action):
            return True
        keys = self._editor_keys(user)
        return action in ACTIONS and (
            (keys is None and user.is_active and user.is_authenticated) or bool(keys)
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        keys = self._editor_keys(user)
        return keys is None or organisation_of(instance) in keys

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        keys = self._editor_keys(user)
        rows = self.model._default_manager.all()
        return rows if keys is None else rows.filter(organiser__translation_key__in=keys)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


for model in (Training, PressBriefing, Event):
    register_permission_policy(model, AgencyRecordPermissionPolicy(model))


class AgencyRecordIndexView(IndexView):
    """An agency's editors list their own agency's records only."""

    def get_base_queryset(self):
        allowed = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "view"]
        )
        return super().get_base_queryset().filter(pk__in=allowed.values("pk"))


class AgencyRecordEditView(InstancePermissionMixin, EditView):
    pass


class AgencyRecordDeleteView(InstancePermissionMixin, DeleteView):
    pass


class AgencyRecordViewSet(SnippetViewSet):
    index_view_class = AgencyRecordIndexView
    edit_view_class = AgencyRecordEditView
    delete_view_class = AgencyRecordDeleteView


class PlanViewSet(SnippetViewSet):
    model = Plan
    icon = "tasks"
    menu_label = _("Plans")
    list_display = ["title", "province", "number", "issued_on"]
    list_filter = ["province"]


class AudienceGroupViewSet(SnippetViewSet):
    model = AudienceGroup
    icon = "group"
    list_display = ["name", "code"]


class TrainingViewSet(AgencyRecordViewSet):
    model = Training
    icon = "user"
    list_display = ["title", "date", "organiser", "place"]
    list_filter = ["plan", "organiser"]


class PressBriefingViewSet(AgencyRecordViewSet):
    model = PressBriefing
    icon = "mail"
    list_display = ["title", "kind", "date", "organiser"]
    list_filter = ["plan", "kind", "organiser"]


class EventViewSet(AgencyRecordViewSet):
    model = Event
    icon = "date"
    list_display = ["title", "kind", "date", "organiser", "published"]
    list_filter = ["plan", "kind", "published"]


class PlansGroup(SnippetViewSetGroup):
    menu_label = _("Plans")
    menu_icon = "tasks"
    menu_order = 240
    items = (
        PlanViewSet,
        TrainingViewSet,
        PressBriefingViewSet,
        EventViewSet,
        AudienceGroupViewSet,
        language_viewset(),
    )


register_snippet(PlansGroup)


@hooks.register("register_admin_urls")
def plans_admin_urls():
    return [
        path("plans/", admin_views.plans_index, name="plans_index"),
        path("plans/<int:plan_id>/", admin_views.plan_report, name="plans_report"),
        path("plans/<int:plan_id>/records/", admin_views.plan_records, name="plans_records"),
        path("plans/contributions/", admin_views.contributions, name="plans_contributions"),
        path("plans/contributions/<int:pk>/", admin_views.contribution_detail, name="plans_contribution"),
        path(
            "plans/contributions/<int:pk>/correct/",
            admin_views.contribution_correct,
            name="plans_contribution_correct",
        ),
        path("plans/reports/new/", admin_views.report_new, name="plans_report_new"),
        path("plans/reports/<int:pk>/", admin_views.report_detail, name="plans_provincial_report"),
        path("plans/reports/<int:pk>/correct/", admin_views.report_correct, name="plans_report_correct"),
        path("plans/reports/<int:pk>/<str:fmt>/", admin_views.report_export, name="plans_report_export"),
        path("plans/quizzes/<int:page_id>/answers/", admin_views.quiz_results, name="plans_quiz_results"),
    ]


@hooks.register("register_reports_menu_item")
def plans_report_menu_item():
    return MenuItem(_("Plans and targets"), reverse("plans_index"), icon_name="tasks", order=45)


class ContributionMenuItem(MenuItem):
    def is_shown(self, request):
        roles = roles_of(request.user)
        return request.user.is_superuser or roles.sees_everything or bool(roles.organisation_keys)


@hooks.register("register_admin_menu_item")
def contributions_menu_item():
    return ContributionMenuItem(
        _("Annual contributions"), reverse("plans_contributions"), icon_name="doc-full", order=245
    )


@hooks.register("register_page_header_buttons")
def quiz_answers_button(page, user, view_name=None, next_url=None):
    from wagtail.admin.widgets import Button

    if isinstance(page.specific_deferred, QuizPage):
        yield Button(
            _("Answers"), reverse("plans_quiz_results", args=[page.pk]), icon_name="help", priority=60
        )
