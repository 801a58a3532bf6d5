"""Bulk upload straight into an exhibition section (issue 19, item 5): the new items are appended to
the chosen section in a new, unpublished revision of the exhibition; only exhibitions the user may
edit are offered, and a section the user may not use is refused before anything is stored."""

import json

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

from wagtail.models import Collection, GroupCollectionPermission
from wagtail.users.models import UserProfile

from exhibitions.models import ExhibitionItem, ExhibitionPage
from home.models import CustomImage
from tests.accounts import sign_in
from tests.exhibitions.test_upload import _upload, jpeg

pytestmark = pytest.mark.django_db

SECTION_ID = "5f0c7a52-8d7e-4d0e-9d11-3a8f4b1c2e01"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def exhibition(seeded):
    page = ExhibitionPage.objects.filter(locale__language_code="vi").first()
    page.sections = json.dumps(
        [
            {
                "type": "section",
                "id": SECTION_ID,
                "value": {"title": "Phòng ảnh mới", "text": "", "items": []},
            },
        ]
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


def _uploader(django_user_model):
    """May add items and images, and nothing else: no exhibition is theirs to edit."""
    user = django_user_model.objects.create_user("uploader", "uploader@example.org", "a-long-password-1")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    group = Group.objects.create(name="Uploaders only")
    group.permissions.add(Permission.objects.get(codename="add_exhibitionitem"))
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_image"),
    )
    user.groups.add(group)
    _english(user)
    return user


def test_the_sections_of_editable_exhibitions_are_offered(admin_client, admin_user, exhibition):
    _english(admin_user)
    html = admin_client.get(reverse("exhibitions_upload")).content.decode()
    assert f'<option value="{exhibition.pk}:{SECTION_ID}">Phòng ảnh mới</option>' in html
    assert f'label="{exhibition.title} (' in html


def test_new_items_are_appended_to_the_section_in_an_unpublished_revision(
    admin_client, admin_user, exhibition
):
    _english(admin_user)
    live_revision = exhibition.live_revision_id
    response = admin_client.post(
        reverse("exhibitions_upload"),
        {
            "files": [_upload("a.jpg", jpeg(colour=(1, 2, 3))), _upload("b.jpg", jpeg(colour=(4, 5, 6)))],
            "kind": "photo",
            "section": f"{exhibition.pk}:{SECTION_ID}",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 items added to the section “Phòng ảnh mới”" in html
    items = list(ExhibitionItem.objects.filter(title__in=["a", "b"]).order_by("pk"))
    assert len(items) == 2 and all(item.locale_id == exhibition.locale_id for item in items)
    exhibition.refresh_from_db()
    assert exhibition.live_revision_id == live_revision and exhibition.has_unpublished_changes
    draft = exhibition.get_latest_revision_as_object()
    [section] = list(draft.sections)
    assert [item.pk for item in section.value["items"]] == [item.pk for item in items]
    assert draft.latest_revision.user == admin_user
    # The published exhibition is unchanged until someone publishes the draft.
    [published] = list(ExhibitionPage.objects.get(pk=exhibition.pk).sections)
    assert list(published.value["items"]) == []
    # Later uploads are appended after them.
    admin_client.post(
        reverse("exhibitions_upload"),
        {
            "files": [_upload("c.jpg", jpeg(colour=(7, 8, 9)))],
            "kind": "photo",
            "section": f"{exhibition.pk}:{SECTION_ID}",
        },
    )
    [section] = list(ExhibitionPage.objects.get(pk=exhibition.pk).get_latest_revision_as_object().sections)
    assert [item.title for item in section.value["items"]] == ["a", "b", "c"]


def test_without_a_section_the_exhibition_is_untouched(admin_client, admin_user, exhibition):
    _english(admin_user)
    revisions = exhibition.revisions.count()
    admin_client.post(reverse("exhibitions_upload"), {"files": [_upload("d.jpg", jpeg())], "kind": "photo"})
    assert ExhibitionItem.objects.filter(title="d").exists()
    assert exhibition.revisions.count() == revisions


def test_exhibitions_the_user_may_not_edit_are_neither_offered_nor_accepted(
    client, exhibition, django_user_model
):
    sign_in(client, _uploader(django_user_model))
    url = reverse("exhibitions_upload")
    html = client.get(url).content.decode()
    assert SECTION_ID not in html
    before = (CustomImage.objects.count(), ExhibitionItem.objects.count(), exhibition.revisions.count())
    response = client.post(
        url,
        {"files": [_upload("e.jpg", jpeg())], "kind": "photo", "section": f"{exhibition.pk}:{SECTION_ID}"},
    )
    assert response.status_code == 200
    assert "This section is not one you may add to" in response.content.decode()
    assert (
        CustomImage.objects.count(),
        ExhibitionItem.objects.count(),
        exhibition.revisions.count(),
    ) == before


def test_a_locked_exhibition_is_not_offered(admin_client, admin_user, exhibition, django_user_model):
    _english(admin_user)
    other = django_user_model.objects.create_superuser("locker", "locker@example.org", "a-long-password-1")
    ExhibitionPage.objects.filter(pk=exhibition.pk).update(locked=True, locked_by=other)
    assert SECTION_ID not in admin_client.get(reverse("exhibitions_upload")).content.decode()
