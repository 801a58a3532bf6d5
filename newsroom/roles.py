"""The newsroom's roles, as Django groups, and what each may touch.

* **Site administrators**: everything, including users and settings.
* **Reviewers** (the provincial information department): edit, approve and publish any page and
  exhibition item; they are the only people who publish. They cannot delete published content.
* **Editors of an organisation** (one group per organisation, ``Editors: <name>``): create and edit
  in their organisation's news sections, and only their organisation's library products,
  exhibitions and exhibition items; they submit to reviewers and cannot publish.
* **Translators** (one group per language): edit translations into that language only.

The groups and their permissions are (re)built by ``manage.py setup_roles``; an organisation's
team is created when the organisation is saved. :mod:`newsroom.permissions` applies the
organisation and language limits that Wagtail's tree permissions cannot express.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

ADMINISTRATORS = "Site administrators"
REVIEWERS = "Reviewers"
EDITORS_PREFIX = "Editors: "
TRANSLATOR_GROUPS = {
    "vi": "Translators (Tiếng Việt)",
    "en": "Translators (English)",
    "km": "Translators (ភាសាខ្មែរ)",
}
#: Groups whose members must use two-factor authentication (superusers too).
TWO_FACTOR_GROUPS = (ADMINISTRATORS, REVIEWERS)
#: The review workflow and its one task. Editors see these names in the admin in Vietnamese or
#: English, so they carry both.
WORKFLOW_NAME = "Duyệt trước khi đăng / Review before publishing"
TASK_NAME = "Người duyệt phê duyệt / Reviewer approval"
_EARLIER_NAMES = {WORKFLOW_NAME: "Review before publishing", TASK_NAME: "Reviewer approval"}
#: The stock groups Wagtail's first migration creates; "Editors" may edit every page on the site.
WAGTAIL_STOCK_GROUPS = ("Moderators", "Editors")


@dataclass(frozen=True)
class Roles:
    is_admin: bool = False
    is_reviewer: bool = False
    translator_languages: frozenset = field(default_factory=frozenset)
    organisation_keys: frozenset = field(default_factory=frozenset)

    @property
    def needs_two_factor(self):
        return self.is_admin or self.is_reviewer

    @property
    def sees_everything(self):
        return self.is_admin or self.is_reviewer

    @property
    def any(self):
        """False for people in none of the newsroom's groups: Wagtail's own permissions alone
        decide for them (a group an administrator made by hand keeps working as Wagtail says)."""
        return self.sees_everything or bool(self.translator_languages or self.organisation_keys)


def roles_of(user):
    """The user's roles, read in one query and kept on the user object for the request."""
    if not user.is_authenticated or not user.is_active:
        return Roles()
    cached = getattr(user, "_newsroom_roles", None)
    if cached is not None:
        return cached
    rows = list(user.groups.values_list("name", "team__organisation_key"))
    names = {name for name, _key in rows}
    by_group = {group: code for code, group in TRANSLATOR_GROUPS.items()}
    roles = Roles(
        is_admin=user.is_superuser or ADMINISTRATORS in names,
        is_reviewer=REVIEWERS in names,
        translator_languages=frozenset(by_group[name] for name in names if name in by_group),
        organisation_keys=frozenset(key for _name, key in rows if key is not None),
    )
    user._newsroom_roles = roles
    return roles


def organisation_of(instance):
    """The organisation that owns a page or item (its translation key), or None for the portal's own."""
    instance = getattr(instance, "specific_deferred", instance)
    name = getattr(type(instance), "organisation_field", None)
    if name is None:
        return None
    return organisation_key(getattr(instance, f"{name}_id", None))


def organisation_key(organisation_id):
    """The translation key of the organisation row ``organisation_id`` (None for None)."""
    if organisation_id is None:
        return None
    if organisation_id not in _organisation_keys:
        from home.models import Organisation

        rows = Organisation.objects.filter(pk=organisation_id).values_list("translation_key", flat=True)
        _organisation_keys[organisation_id] = rows.first()
    return _organisation_keys[organisation_id]


#: Organisation row id -> translation key. A row's translation key never changes, so this is kept
#: for the process (a listing of many pages asks about each one's organisation).
_organisation_keys = {}


def forget():
    """Tests: a rolled-back organisation's id can come back with another translation key."""
    _organisation_keys.clear()


def organisations_for(user):
    """The organisations (source-language rows) whose content the user may edit, or None for all."""
    from wagtail.models import Locale

    from home.models import Organisation

    roles = roles_of(user)
    if roles.sees_everything:
        return None
    return Organisation.objects.filter(
        translation_key__in=roles.organisation_keys, locale=Locale.get_default()
    )


def own_organisation(user, locale):
    """The editor's organisation in ``locale`` (what their imports and uploads are filed under), or
    None for reviewers and administrators, who choose it themselves."""
    allowed = organisations_for(user) if user is not None else None
    if allowed is None:
        return None
    return allowed.model.objects.filter(
        locale=locale, translation_key__in=allowed.values("translation_key")
    ).first()


# Building the groups ---------------------------------------------------------------------------

PAGE_ACTIONS = {
    ADMINISTRATORS: ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
    REVIEWERS: ("change", "publish", "lock", "unlock"),
    "editors": ("add", "change"),
    "translators": ("change",),
}
ADMIN_ACCESS = "wagtailadmin.access_admin"
MODEL_PERMISSIONS = {
    REVIEWERS: [
        ADMIN_ACCESS,
        "exhibitions.change_exhibitionitem",
        "exhibitions.publish_exhibitionitem",
        "wagtail_localize.submit_translation",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    "editors": [
        ADMIN_ACCESS,
        "exhibitions.add_exhibitionitem",
        "exhibitions.change_exhibitionitem",
        "exhibitions.delete_exhibitionitem",
        "wagtail_localize.submit_translation",
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    "translators": [ADMIN_ACCESS, "exhibitions.change_exhibitionitem", "wagtailimages.choose_image"],
}
COLLECTION_ACTIONS = {"add", "change", "choose"}


def _permissions(names):
    query = Q(pk__in=[])
    for name in names:
        app_label, codename = name.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query))


def _grant(group, names, pages, actions):
    """Give the group exactly these model, collection and page permissions (idempotent)."""
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

    model_permissions = _permissions(
        name for name in names if name.split(".")[0] not in ("wagtailimages", "wagtaildocs")
    )
    group.permissions.set(model_permissions)

    GroupCollectionPermission.objects.filter(group=group).delete()
    root_collection = Collection.get_first_root_node()
    for permission in _permissions(
        name for name in names if name.split(".")[0] in ("wagtailimages", "wagtaildocs")
    ):
        GroupCollectionPermission.objects.create(
            group=group, collection=root_collection, permission=permission
        )

    GroupPagePermission.objects.filter(group=group).delete()
    page_permissions = _permissions(f"wagtailcore.{action}_page" for action in actions)
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=page, permission=permission)
        for page in pages
        for permission in page_permissions
    )


def team_sections(organisation_key):
    """Where an organisation's editors may add pages: its own news sections and the portal's shared
    ones (no organisation) in every language, the library and the exhibitions. Within them they
    edit only their organisation's pages (see :mod:`newsroom.permissions`)."""
    from exhibitions.models import ExhibitionIndexPage
    from library.models import LibraryPage
    from news.models import ArticleIndexPage

    sections = list(
        ArticleIndexPage.objects.filter(
            Q(organisation__translation_key=organisation_key) | Q(organisation__isnull=True)
        )
    )
    sections += list(LibraryPage.objects.all()) + list(ExhibitionIndexPage.objects.all())
    return sections


def sync_team(organisation):
    """Create or refresh the editors' group of one organisation (called with its source row)."""
    from .models import OrganisationTeam

    team = OrganisationTeam.objects.filter(organisation_key=organisation.translation_key).first()
    name = f"{EDITORS_PREFIX}{organisation.name}"[:150]
    if team is None:
        group, _created = Group.objects.get_or_create(name=name)
        team = OrganisationTeam.objects.create(organisation_key=organisation.translation_key, group=group)
    elif team.group.name != name and not Group.objects.filter(name=name).exists():
        team.group.name = name
        team.group.save(update_fields=["name"])
    _grant(
        team.group,
        MODEL_PERMISSIONS["editors"],
        team_sections(organisation.translation_key),
        PAGE_ACTIONS["editors"],
    )
    return team.group


def on_organisation_saved(sender, instance, created, raw=False, **kwargs):
    from wagtail.models import Locale

    if raw or instance.locale_id != Locale.get_default().pk:
        return
    transaction.on_commit(lambda: sync_team(instance))


def setup_roles():
    """Build every role's group and the review workflow. Safe to run again after any change."""
    from wagtail.models import GroupApprovalTask, Locale, Page, Workflow, WorkflowPage, WorkflowTask

    from home.models import Organisation

    root = Page.get_first_root_node()
    with transaction.atomic():
        stock_moderators = Group.objects.filter(name="Moderators").first()
        reviewers = Group.objects.filter(name=REVIEWERS).first()
        if reviewers is None and stock_moderators is not None:
            stock_moderators.name = REVIEWERS  # keeps the stock approval task pointing at it
            stock_moderators.save(update_fields=["name"])
            reviewers = stock_moderators
        reviewers = reviewers or Group.objects.create(name=REVIEWERS)
        stock_editors = Group.objects.filter(name="Editors").first()
        if stock_editors is not None:
            # Wagtail's stock "Editors" may add and change every page: too broad for many newsrooms.
            if stock_editors.user_set.exists():
                stock_editors.page_permissions.all().delete()
            else:
                stock_editors.delete()

        administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
        _grant(administrators, [], [root], PAGE_ACTIONS[ADMINISTRATORS])
        administrators.permissions.set(Permission.objects.all())
        _grant_all_collections(administrators)

        _grant(reviewers, MODEL_PERMISSIONS[REVIEWERS], [root], PAGE_ACTIONS[REVIEWERS])

        for code, name in TRANSLATOR_GROUPS.items():
            group, _created = Group.objects.get_or_create(name=name)
            locale = Locale.objects.filter(language_code=code).first()
            trees = list(Page.objects.filter(depth=2, locale=locale)) if locale else []
            _grant(group, MODEL_PERMISSIONS["translators"], trees, PAGE_ACTIONS["translators"])

        for organisation in Organisation.objects.filter(locale=Locale.get_default()):
            sync_team(organisation)

        task = _named(GroupApprovalTask, TASK_NAME)
        task.groups.set([reviewers])
        workflow = _named(Workflow, WORKFLOW_NAME)
        if not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
        WorkflowTask.objects.update_or_create(workflow=workflow, sort_order=0, defaults={"task": task})
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
        # Wagtail's stock "Moderators approval" workflow is replaced by this one: retire it (its
        # group is now the Reviewers) unless someone assigned it to pages of their own.
        for stock in Workflow.objects.filter(name="Moderators approval", active=True):
            if not stock.workflow_pages.exists():
                stock.active = False
                stock.save(update_fields=["active"])
    return {"administrators": administrators, "reviewers": reviewers}


def _named(model, name):
    """The row with this name (or the name an earlier version gave it, renamed), or a new one."""
    row = model.objects.filter(name__in=[name, _EARLIER_NAMES[name]]).order_by("-name").first()
    if row is None:
        return model.objects.create(name=name)
    if row.name != name:
        row.name = name
        row.save(update_fields=["name"])
    return row


def _grant_all_collections(group):
    from wagtail.models import Collection, GroupCollectionPermission

    root_collection = Collection.get_first_root_node()
    for permission in Permission.objects.filter(
        content_type__app_label__in=("wagtailimages", "wagtaildocs"),
        codename__regex=r"^(add|change|delete|choose)_",
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )
