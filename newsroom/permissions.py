"""Organisation and language limits on top of Wagtail's tree permissions.

Wagtail grants permissions on page subtrees. Two rules of this newsroom cut across the tree:

* an organisation's editors share the library and the exhibitions with every other organisation,
  but may change only pages whose owning organisation is theirs;
* nobody but administrators deletes published content, and translators delete nothing.

Every page type mixes in :class:`RolePermissionsMixin`, so the admin's views, buttons, the
translation editor and our own views (import, export, translation exchange) all ask the same
:class:`NewsroomPagePermissionTester`.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.functional import cached_property

from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy

from home.locale_cache import language_code

from .roles import organisation_of, roles_of


class NewsroomPagePermissionTester(PagePermissionTester):
    @cached_property
    def roles(self):
        return roles_of(self.user)

    def _within_role(self):
        """May this user work on this page at all (beyond what the tree grants)?"""
        roles = self.roles
        if roles.sees_everything or not roles.any:
            return True
        if language_code(self.page.locale_id) in roles.translator_languages:
            return True
        if roles.organisation_keys:
            return organisation_of(self.page) in roles.organisation_keys
        return False

    def can_add_subpage(self):
        """Not in another organisation's news section (shared sections have no organisation)."""
        if not super().can_add_subpage():
            return False
        roles = self.roles
        if self.user.is_superuser or roles.sees_everything:
            return True
        owner = organisation_of(self.page)
        return owner is None or owner in roles.organisation_keys

    def can_edit(self):
        return super().can_edit() and (self.user.is_superuser or self._within_role())

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        roles = self.roles
        if roles.is_admin:
            return True
        if self.page.live or not self._within_role():
            return False
        return roles.is_reviewer or organisation_of(self.page) in roles.organisation_keys

    def can_publish(self):
        return super().can_publish() and (self.user.is_superuser or self._within_role())

    def can_unpublish(self):
        return super().can_unpublish() and (self.user.is_superuser or self._within_role())

    def can_copy(self):
        return self.can_edit()


class RolePermissionsMixin:
    """For every page type: ask :class:`NewsroomPagePermissionTester`.

    ``organisation_field`` names the field holding the owning organisation (None: the portal's).
    """

    organisation_field = None

    def permissions_for_user(self, user):
        return NewsroomPagePermissionTester(user, self)


class OrganisationItemPermissionPolicy(ModelPermissionPolicy):
    """Snippets owned by an organisation (exhibition items): its editors change only their own."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        return _may_touch(user, instance, action)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        return _limit(user, queryset)

    def instances_user_has_permission_for(self, user, action):
        return _limit(user, super().instances_user_has_permission_for(user, action))


class InstancePermissionMixin:
    """For snippet edit and delete views: Wagtail's generic views check the model permission only;
    this also asks the policy about the one instance (another organisation's item is refused)."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission_required, instance
        ):
            raise PermissionDenied
        return instance


def _may_touch(user, instance, action):
    roles = roles_of(user)
    if roles.sees_everything or not roles.any:
        return True
    if action == "change" and language_code(instance.locale_id) in roles.translator_languages:
        return True
    if action == "delete" and getattr(instance, "live", False):
        return False
    return organisation_of(instance) in roles.organisation_keys


def _limit(user, queryset):
    roles = roles_of(user)
    if roles.sees_everything or not roles.any:
        return queryset
    field = queryset.model.organisation_field
    return queryset.filter(
        Q(**{f"{field}__translation_key__in": roles.organisation_keys})
        | Q(locale__language_code__in=roles.translator_languages)
    )
