"""Consent and safeguarding: editors are told before and when consent ends; the admin refuses to
publish a child without consent."""

import io
from datetime import timedelta

import pytest

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from exhibitions.models import ExhibitionItem
from tests.accounts import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user("curator", "curator@example.org", "a-long-password-1")
    group = Group.objects.create(name="Exhibition editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_exhibitionitem"),
        Permission.objects.get(codename="change_exhibitionitem"),
        Permission.objects.get(codename="publish_exhibitionitem"),
    )
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def _bilingual_class():
    return ExhibitionItem.objects.get(locale__language_code="vi", title="Lớp học song ngữ")


def _set_consent(item, days):
    ExhibitionItem.objects.filter(translation_key=item.translation_key).update(
        consent_until=timezone.localdate() + timedelta(days=days)
    )


def _run():
    out = io.StringIO()
    call_command("check_item_consent", stdout=out)
    return out.getvalue()


def test_editors_are_warned_once_before_consent_ends_and_again_when_it_has(seeded, curator):
    item = _bilingual_class()
    _set_consent(item, 10)
    assert "0 withdrawn, 1 ending soon" in _run()
    warning = [m for m in mail.outbox if m.to == ["curator@example.org"]]
    assert len(warning) == 1 and "ends soon" in warning[0].subject and "Lớp học song ngữ" in warning[0].body
    assert "/admin/snippets/exhibitions/exhibitionitem/edit/" in warning[0].body

    mail.outbox.clear()
    assert "0 withdrawn, 0 ending soon, 0 e-mails" in _run()  # nothing twice

    _set_consent(item, -1)
    assert "1 withdrawn, 0 ending soon" in _run()
    withdrawn = [m for m in mail.outbox if m.to == ["curator@example.org"]]
    assert len(withdrawn) == 1 and "no longer shown" in withdrawn[0].subject
    actions = set(ModelLogEntry.objects.filter(object_id=str(item.pk)).values_list("action", flat=True))
    assert {"exhibitions.consent_expiring", "exhibitions.consent_expired"} <= actions

    mail.outbox.clear()
    _set_consent(item, 5)  # consent renewed: a new end date re-arms the warning
    assert "0 withdrawn, 1 ending soon" in _run()


def test_dashboard_lists_withdrawn_and_expiring_items(client, seeded, curator):
    item = _bilingual_class()
    _set_consent(item, -3)
    sign_in(client, curator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Withdrawn: consent has ended" in html and "Lớp học song ngữ" in html
    _set_consent(item, 400)
    assert "Lớp học song ngữ" not in client.get(reverse("wagtailadmin_home")).content.decode()


def _form(item, **changes):
    data = {
        "kind": item.kind,
        "image": item.image_id,
        "title": item.title,
        "caption": item.caption,
        "transcription": item.transcription,
        "date_text": item.date_text,
        "place": item.place,
        "creator": item.creator,
        "source": item.source,
        "reference_code": item.reference_code,
        "rights": item.rights,
        "credit": item.credit,
        "identifiable_people": "on",
        "child_present": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_admin_refuses_to_publish_a_child_without_consent_but_keeps_the_draft(client, seeded, curator):
    item = ExhibitionItem.objects.get(locale__language_code="vi", title="Con đường đến trường")
    sign_in(client, curator)
    url = reverse("wagtailsnippets_exhibitions_exhibitionitem:edit", args=[item.pk])
    refused = client.post(url, _form(item, **{"action-publish": "publish"}))
    assert refused.status_code == 200
    assert "consent_held" in refused.context["form"].errors
    item.refresh_from_db()
    assert not item.child_present  # nothing saved

    saved = client.post(url, _form(item, title="Con đường đến trường (chờ đồng ý)"))
    assert saved.status_code == 302
    item.refresh_from_db()
    assert item.has_unpublished_changes and item.live  # the published version is untouched
    assert item.latest_revision.as_object().child_present
