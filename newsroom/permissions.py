"""Organisation and language limits on top of Wagtail's tree permissions.

Wagtail grants permissions on page subtrees. Two rules of this newsroom cut across the tree:

* an organisation's editors share the library and the exhibitions with every other organisation,
  but may change only pages whose owning organisation is theirs;
* nobody but administrators deletes published content, and translators delete nothing.

Every page type mixes in :class:`RolePermissionsMixin`, so the admin's views, buttons, the
translation editor and our own views (import, export, translation exchange) all ask the same
:class:`NewsroomPagePermissionTester`.

What each person may *see* in the admin is one rule too (:func:`sees_drafts`, :func:`may_see`, and
their queryset forms :func:`with_drafts_visible` and :func:`visible_to`):

* administrators and reviewers see everything (so do people in none of the newsroom's groups, whom
  Wagtail's own permissions alone govern);
* an organisation's editor sees, in every state (drafts, revisions, comparisons, comments,
  history, workflow), their own organisation's content; a translator, the content in their
  language;
* of everything else, the portal's own content (no organisation) included, only what is
  published, and as it was published: never a page that was never published, a newer draft's
  title, text or status, a revision, a comparison or a history. Published pages under a password or
  a group restriction the person is not in count as unpublished.

Listings, search, the admin API and the choosers show what the person may see; every view of one
object beyond its published face (editing, previews, history, revisions, usage...) answers 404 for
what they may not see in every state; what they may act on is what they see in every state
(:mod:`newsroom.admin_views`, docs/SECURITY.md).
"""

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.translation import gettext

from wagtail.models import Page, PagePermissionTester, PageViewRestriction
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.locale_cache import language_code

from . import viewer
from .roles import organisation_key, organisation_of, roles_of


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

    def get_admin_display_title(self):
        """The title the admin shows the person it is showing this page to (:mod:`newsroom.viewer`):
        theirs with its draft title, anyone else's as it was last published."""
        user = viewer.current()
        clean = self.live and not self.has_unpublished_changes  # its draft title is its title
        if user is None or clean or sees_drafts(user, self):
            return super().get_admin_display_title()
        if self.first_published_at is not None:
            return self.title  # the page row holds what was last published
        return gettext("(Unpublished page)")


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


# What each person may see in the admin -----------------------------------------------------------


def sees_drafts(user, instance):
    """May ``user`` see ``instance`` in every state: its drafts, revisions, comments and history?"""
    if not user.is_authenticated or not user.is_active:
        return False
    roles = roles_of(user)
    if user.is_superuser or roles.sees_everything or not roles.any:
        return True
    if language_code(getattr(instance, "locale_id", None)) in roles.translator_languages:
        return True
    return bool(roles.organisation_keys) and drafts_owner(instance) in roles.organisation_keys


def as_published(user, objects):
    """``objects`` (pages or items, in memory only) shown to ``user`` as they were published: the
    status, title and date of another organisation's newer draft are not theirs to see."""
    for obj in objects:
        if not obj.live or sees_drafts(user, obj):
            continue
        obj.has_unpublished_changes = False
        if hasattr(obj, "draft_title"):
            obj.draft_title = obj.title
        if hasattr(obj, "latest_revision_created_at"):
            obj.latest_revision_created_at = obj.last_published_at
        # What Wagtail's page querysets prefetch and annotate for the status tags: a draft in
        # review, a newer revision scheduled.
        if hasattr(obj, "_current_workflow_states"):
            obj._current_workflow_states = []
        if hasattr(obj, "_approved_schedule"):
            obj._approved_schedule = False
    return objects


def drafts_owner(instance):
    """The organisation (translation key, None for the portal's) whose drafts of ``instance`` these
    are: while it has unpublished changes, its latest draft's (a never-published page's row holds
    only its first draft, and a reviewer may give a draft to another organisation; the edit view's
    permissions follow the draft too), otherwise its row's."""
    instance = getattr(instance, "specific_deferred", instance)
    field = getattr(type(instance), "organisation_field", None)
    revision_id = getattr(instance, "latest_revision_id", None)
    if field and revision_id and getattr(instance, "has_unpublished_changes", False):
        from wagtail.models import Revision

        content = Revision.objects.filter(pk=revision_id).values_list("content", flat=True).first() or {}
        if field in content:
            return organisation_key(content[field])
    return organisation_of(instance)


def may_see(user, instance):
    """May ``user`` see ``instance`` at all: in every state, or as it is published?"""
    if sees_drafts(user, instance):
        return True
    if not user.is_authenticated or not getattr(instance, "live", True):
        return False
    if isinstance(instance, Page):
        return not any(instance.path.startswith(path) for path in _closed_paths(user))
    return True


def with_drafts_visible(user, queryset):
    """``queryset`` narrowed to what ``user`` sees in every state (:func:`sees_drafts`)."""
    condition = _drafts_condition(user, queryset.model)
    return queryset if condition is None else _narrowed(queryset, condition)


def visible_to(user, queryset):
    """``queryset`` narrowed to what ``user`` may see at all (:func:`may_see`)."""
    condition = _drafts_condition(user, queryset.model)
    if condition is None:
        return queryset
    return _narrowed(queryset, condition | _published_condition(user, queryset.model))


def _narrowed(queryset, condition):
    """Pages are narrowed through one ``pk__in`` subquery: the search backends filter page
    searches on indexed fields only (``id`` is one), and the condition needs joins."""
    if issubclass(queryset.model, Page):
        return queryset.filter(pk__in=Page.objects.filter(condition).values("pk"))
    return queryset.filter(condition)


def hide_log_entries(user, queryset):
    """Log entries (Wagtail's ``PageLogEntry`` or ``ModelLogEntry``) of pages and organisation-owned
    objects whose history ``user`` may not see are left out; their labels are drafts' titles."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import ModelLogEntry, PageLogEntry

    if issubclass(queryset.model, PageLogEntry):
        condition = _drafts_condition(user, Page)
        if condition is None:
            return queryset
        return queryset.filter(page_id__in=Page.objects.filter(condition).values("pk"))
    if not issubclass(queryset.model, ModelLogEntry):
        return queryset
    for model in organisation_models():
        condition = _drafts_condition(user, model)
        if condition is None:
            return queryset
        seen = model._default_manager.filter(condition).annotate(key=Cast("pk", CharField())).values("key")
        content_type = ContentType.objects.get_for_model(model)
        queryset = queryset.exclude(Q(content_type=content_type) & ~Q(object_id__in=seen))
    return queryset


def organisation_models():
    """Models other than pages whose rows belong to an organisation (exhibition items)."""
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if getattr(model, "organisation_field", None) and not issubclass(model, Page)
    ]


def _drafts_condition(user, model):
    """The rows of ``model`` whose every state ``user`` sees, as a ``Q``; ``None`` for all rows."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    roles = roles_of(user)
    if user.is_superuser or roles.sees_everything or not roles.any:
        return None
    condition = Q(pk__in=[])
    if roles.translator_languages and _has_field(model, "locale"):
        condition |= Q(locale__language_code__in=roles.translator_languages)
    if roles.organisation_keys:
        condition |= _owned_by(model, roles.organisation_keys)
    return condition


def _owned_by(model, keys):
    """Rows of ``model`` whose drafts belong to an organisation in ``keys`` (:func:`drafts_owner`)."""
    if issubclass(model, Page):
        from wagtail.models import get_page_models

        condition = Q(pk__in=[])
        for page_model in get_page_models():
            field = getattr(page_model, "organisation_field", None)
            if field:
                condition |= Q(pk__in=_owned(page_model, field, keys).values("pk"))
        return condition
    field = getattr(model, "organisation_field", None)
    if not field:
        return Q(pk__in=[])
    return Q(pk__in=_owned(model, field, keys).values("pk"))


def _owned(model, field, keys):
    from home.models import Organisation

    own = list(Organisation.objects.filter(translation_key__in=keys).values_list("pk", flat=True))
    rows = model._default_manager
    by_row = rows.filter(**{f"{field}__in": own})
    if not (_has_field(model, "has_unpublished_changes") and _has_field(model, "latest_revision")):
        return by_row
    # With unpublished changes, the latest draft's organisation: its revision's content is a JSON
    # object of field values (a draft without the field falls back on the row).
    drafted = rows.filter(has_unpublished_changes=True, latest_revision__content__has_key=field)
    by_draft = drafted.filter(**{f"latest_revision__content__{field}__in": own})
    return rows.filter(
        Q(pk__in=by_draft.values("pk")) | (Q(pk__in=by_row.values("pk")) & ~Q(pk__in=drafted.values("pk")))
    )


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _published_condition(user, model):
    """What is published, as a ``Q`` on ``model`` (everything, for models without drafts)."""
    if not hasattr(model, "live"):
        return Q()
    condition = Q(live=True)
    if issubclass(model, Page):
        for path in _closed_paths(user):
            condition &= ~Q(path__startswith=path)
    return condition


def _closed_paths(user):
    """Tree paths of the password and group restrictions that do not admit ``user`` (a login
    restriction admits everyone who can use the admin). Kept on the user for the request."""
    cached = getattr(user, "_newsroom_closed_paths", None)
    if cached is not None:
        return cached
    groups = set(user.groups.values_list("pk", flat=True))
    paths = []
    restrictions = PageViewRestriction.objects.exclude(restriction_type=PageViewRestriction.LOGIN)
    for restriction in restrictions.select_related("page").prefetch_related("groups"):
        if restriction.restriction_type == PageViewRestriction.GROUPS and groups & {
            group.pk for group in restriction.groups.all()
        }:
            continue
        paths.append(restriction.page.path)
    user._newsroom_closed_paths = paths
    return paths


class NewsroomPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, narrowed by the rule above: what a person may explore, search and
    fetch through the admin API is what they may see; what they may act on, and find in the
    reports, is what they see in every state.

    Registered for ``Page`` in ``newsroom/wagtail_hooks.py``; every admin view asks
    ``policy_registry.get_by_type(Page)``.
    """

    def instances_user_has_any_permission_for(self, user, actions):
        return with_drafts_visible(user, super().instances_user_has_any_permission_for(user, actions))

    def explorable_instances(self, user):
        # Wagtail's explorable pages (built on its own instances_user_has_any_permission_for, not
        # the narrower one above), then the rule.
        return visible_to(user, _WAGTAIL_PAGE_POLICY.explorable_instances(user))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(user, actions, instance) and (
            instance.is_root() or sees_drafts(user, instance)
        )


_WAGTAIL_PAGE_POLICY = PagePermissionPolicy()
