"""Every role against every action on every content type, through the admin's own views.

The content is the newspaper's (Báo An Giang): an article, a library product, an exhibition and an
exhibition item, plus a page of the portal's own (no organisation). The actions:

* view draft: the admin's "view draft" of the page (for an item, its edit view);
* edit: the edit view; publish: what the editor's publish button asks; delete: the delete view
  (the content is live: only administrators delete published content);
* translate: the edit view of the Khmer translation;
* import: a translation file for the page; for products the library's CSV import, for items the
  photo upload;
* export: the page's strings for translators (items have no export: ``None``).
"""

import pytest

from django.urls import reverse

from wagtail.models import Locale
from wagtail.permissions import policy_registry

from exhibitions.models import ExhibitionItem, ExhibitionPage
from home.models import StandardPage
from library.models import ProductPage
from news.models import ArticlePage
from tests.accounts import sign_in
from translations.admin_views import _can_translate

from .conftest import NEWSPAPER, organisation

pytestmark = pytest.mark.django_db

ACTIONS = ("view draft", "edit", "publish", "delete", "translate", "import", "export")
T, F = True, False
#: What each role may do: the newsroom's rules, written out (not computed).
EXPECTED = {
    "administrator": {
        "article": (T, T, T, T, T, T, T),
        "product": (T, T, T, T, T, T, T),
        "exhibition": (T, T, T, T, T, T, T),
        "item": (T, T, T, T, T, T, None),
        "portal page": (T, T, T, T, T, T, T),
    },
    "reviewer": {
        "article": (T, T, T, F, T, T, T),
        "product": (T, T, T, F, T, F, T),
        "exhibition": (T, T, T, F, T, T, T),
        "item": (T, T, T, F, T, F, None),
        "portal page": (T, T, T, F, T, T, T),
    },
    "editor": {
        "article": (T, T, F, F, T, T, T),
        "product": (T, T, F, F, T, T, T),
        "exhibition": (T, T, F, F, T, T, T),
        "item": (T, T, F, F, T, T, None),
        "portal page": (F, F, F, F, F, F, F),
    },
    "other editor": {
        "article": (F, F, F, F, F, F, F),
        "product": (F, F, F, F, F, T, F),
        "exhibition": (F, F, F, F, F, F, F),
        "item": (F, F, F, F, F, T, None),
        "portal page": (F, F, F, F, F, F, F),
    },
    "translator": {
        "article": (F, F, F, F, T, T, T),
        "product": (F, F, F, F, T, F, T),
        "exhibition": (F, F, F, F, T, T, T),
        "item": (F, F, F, F, T, F, None),
        "portal page": (F, F, F, F, T, T, T),
    },
    "signed-in reader": {
        kind: (F, F, F, F, F, F, None if kind == "item" else F)
        for kind in ("article", "product", "exhibition", "item", "portal page")
    },
}


@pytest.fixture
def content(seeded):
    newspaper = organisation(NEWSPAPER)
    vi = {"locale__language_code": "vi"}
    return {
        "article": ArticlePage.objects.filter(organisation=newspaper, **vi).first(),
        "product": ProductPage.objects.filter(producer=newspaper, **vi).first(),
        "exhibition": ExhibitionPage.objects.get(organisation=newspaper, **vi),
        "item": ExhibitionItem.objects.filter(organisation=newspaper, **vi).first(),
        "portal page": StandardPage.objects.filter(**vi).first(),
    }


def _ok(response):
    return response.status_code == 200


def _page_actions(client, user, page):
    km = page.get_translation(Locale.objects.get(language_code="km"))
    export = reverse("translations_export", args=[page.pk]) + "?language=km&file_format=po"
    if isinstance(page, ProductPage):
        may_import = _ok(client.get(reverse("library_import")))
    else:
        may_import = _can_translate(user, page, km.locale)
    return (
        _ok(client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))),
        _ok(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))),
        page.permissions_for_user(user).can_publish(),
        _ok(client.get(reverse("wagtailadmin_pages:delete", args=[page.pk]))),
        _ok(client.get(reverse("wagtailadmin_pages:edit", args=[km.pk]))),
        may_import,
        _ok(client.get(export)),
    )


def _item_actions(client, user, item):
    km = item.get_translation(Locale.objects.get(language_code="km"))
    policy = policy_registry.get_by_type(ExhibitionItem)
    edit = _ok(client.get(reverse("wagtailsnippets_exhibitions_exhibitionitem:edit", args=[item.pk])))
    return (
        edit,
        edit,
        policy.user_has_permission_for_instance(user, "publish", item),
        _ok(client.get(reverse("wagtailsnippets_exhibitions_exhibitionitem:delete", args=[item.pk]))),
        _ok(client.get(reverse("wagtailsnippets_exhibitions_exhibitionitem:edit", args=[km.pk]))),
        _ok(client.get(reverse("exhibitions_upload"))),
        None,
    )


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_against_every_action_on_every_content_type(client, people, content, role):
    user = sign_in(client, people[role])
    actual = {}
    for kind, instance in content.items():
        check = _item_actions if kind == "item" else _page_actions
        actual[kind] = dict(zip(ACTIONS, check(client, user, instance), strict=True))
    expected = {kind: dict(zip(ACTIONS, row, strict=True)) for kind, row in EXPECTED[role].items()}
    differences = {
        f"{kind}: {action}": f"expected {expected[kind][action]}, got {actual[kind][action]}"
        for kind in expected
        for action in ACTIONS
        if expected[kind][action] != actual[kind][action]
    }
    assert not differences, differences


@pytest.mark.parametrize(("role", "allowed"), [("editor", True), ("other editor", False), ("reviewer", True)])
def test_starting_a_translation_needs_the_right_to_edit_the_page(client, people, content, role, allowed):
    sign_in(client, people[role])
    url = reverse("wagtail_localize:submit_page_translation", args=[content["article"].pk])
    assert url == reverse("newsroom_submit_translation", args=[content["article"].pk])
    assert (client.get(url).status_code == 200) is allowed
