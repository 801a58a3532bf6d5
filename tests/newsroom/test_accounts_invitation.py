"""A new account's first sign-in goes through a one-time invitation, never the password alone.

An administrator creates the account in Settings → Users without a password; its owner is e-mailed
a link in their language. The link lets them choose a password and, as an administrator or
reviewer, enrol their authenticator app in the same form; it works once, expires, and a wrong or
guessed one answers like one that never existed. Someone who only knows a password cannot enrol
an app of their own.
"""

import io
import re
from datetime import timedelta
from unittest import mock

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.users.models import UserProfile

from newsroom import invitations, roles
from tests.accounts import accept_invitation, authenticator, current_code, invitation_link, sign_in

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "a-long-test-password"
NEW_PASSWORD = "mot-mat-khau-rat-dai-2026"
SITE = "https://nhanquyen.example"


def _path(url):
    return url.removeprefix(SITE)


def _without_csrf(response):
    return re.sub(r'"CSRF_TOKEN": "\w+"', "", response.content.decode())


def _link_in(message):
    return re.search(rf"{re.escape(SITE)}/admin/invitation/\S+", message.body).group(0)


@pytest.fixture
def administrator(client, people):
    sign_in(client, people["administrator"])
    return client


@pytest.fixture
def newcomer():
    """A reviewer account just created, as the admin leaves it: no usable password."""
    user = User.objects.create_user(
        "nguoiduyet-moi", "nguoiduyet@example.org", first_name="Lan", last_name="Trần"
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=roles.REVIEWERS))
    return User.objects.get(pk=user.pk)


def _create(administrator, username, **extra):
    data = {
        "username": username,
        "email": f"{username}@example.org",
        "first_name": "Minh",
        "last_name": "Nguyễn",
        "groups": [Group.objects.get(name=roles.REVIEWERS).pk],
        "language": "vi",  # the form's initial choice
        **extra,
    }
    return administrator.post(reverse("wagtailusers_users:add"), data)


# Creating an account ----------------------------------------------------------------------------


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
def test_a_new_account_gets_no_password_and_an_invitation_in_vietnamese(administrator):
    form = administrator.get(reverse("wagtailusers_users:add")).content.decode()
    assert 'name="password1"' not in form, "the administrator does not choose the password"
    assert '<option value="vi" selected>' in form, "Vietnamese unless the administrator chooses"
    response = _create(administrator, "kiemduyet-moi")
    assert response.status_code == 302
    user = User.objects.get(username="kiemduyet-moi")
    assert not user.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["kiemduyet-moi@example.org"]
    assert "Tài khoản của bạn" in message.subject
    assert "ứng dụng xác thực" in message.body, "a reviewer is told they will set up the app"
    assert "kiemduyet-moi" in message.body
    assert _link_in(message).startswith(f"{SITE}/admin/invitation/")


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
@pytest.mark.parametrize(("language", "words"), [("en", "Your account on"), ("km", "គណនីរបស់អ្នក")])
def test_the_invitation_is_in_the_language_chosen_for_the_person(administrator, language, words):
    from wagtail.admin.localization import get_available_admin_languages

    response = _create(administrator, f"nguoi-{language}", language=language)
    if language not in dict(get_available_admin_languages()):
        assert response.status_code == 200 and "language" in response.context["form"].errors
        return
    (message,) = mail.outbox
    assert words in message.subject
    assert (
        UserProfile.get_for_user(User.objects.get(username=f"nguoi-{language}")).preferred_language
        == language
    )


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
def test_the_invited_reviewer_sets_a_password_enrols_and_is_signed_in_verified(administrator):
    _create(administrator, "kiemduyet-moi")
    link = _path(_link_in(mail.outbox[0]))
    invitee = Client()
    done = accept_invitation(invitee, link, NEW_PASSWORD)
    assert done.status_code == 302 and done["Location"] == reverse("wagtailadmin_home")
    user = User.objects.get(username="kiemduyet-moi")
    assert user.check_password(NEW_PASSWORD)
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    assert invitee.get(reverse("wagtailadmin_explore_root")).status_code == 200, "verified: no prompt"

    # Later sessions sign in with the password and a code from the same app.
    later = Client()
    signed_in = later.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": NEW_PASSWORD}
    )
    assert later.get(signed_in["Location"])["Location"].startswith(reverse("newsroom_2fa_verify"))


def test_the_link_works_once(newcomer):
    link = invitation_link(newcomer)
    assert accept_invitation(Client(), link, NEW_PASSWORD).status_code == 302
    again = Client().get(link)
    assert again.status_code == 404
    assert "set-password" not in again.get("Location", "")


def test_the_link_expires(newcomer, settings):
    link = invitation_link(newcomer)
    later = invitations.tokens._now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    with mock.patch.object(invitations.tokens, "_now", return_value=later):
        response = Client().get(link)
    assert response.status_code == 404
    assert newcomer.password == User.objects.get(pk=newcomer.pk).password


def test_wrong_and_guessed_links_answer_like_a_missing_one(newcomer):
    good = invitation_link(newcomer)
    prefix, uid, token = good.rstrip("/").rsplit("/", 2)
    missing = Client().get(f"{prefix}/OTk5OTk5/{token}/")  # no such account
    answers = [
        Client().get(f"{prefix}/{uid}/{token[:-1]}x/"),  # one character changed
        Client().get(f"{prefix}/{uid}/1-abcdef/"),  # guessed
        Client().get(f"{prefix}/{uid}/set-password/"),  # without opening the link first
        Client().get(f"{prefix}/@@@/{token}/"),  # not an id at all
        Client().get(f"{prefix}/{uid}/{invitations.PasswordResetTokenGenerator().make_token(newcomer)}/"),
    ]
    assert missing.status_code == 404
    for answer in answers:
        assert answer.status_code == 404
        assert _without_csrf(answer) == _without_csrf(missing)
    assert Client().get(good).status_code == 302, "the right link still works after the wrong ones"


def test_a_password_reset_link_is_no_invitation_and_the_reverse(newcomer):
    """The invitation's token has its own salt: Django's password reset token does not open it
    (tested above), nor does an invitation token reset a password."""
    from django.contrib.auth.tokens import default_token_generator

    assert not default_token_generator.check_token(newcomer, invitations.tokens.make_token(newcomer))


def test_a_weak_password_or_wrong_code_changes_nothing_and_the_link_still_works(newcomer):
    invitee = Client()
    form_url = invitee.get(invitation_link(newcomer))["Location"]
    page = invitee.get(form_url)
    secret = page.context["secret"]
    assert "<svg" in page.content.decode()

    weak = invitee.post(form_url, {"password1": "123", "password2": "123", "token": current_code(secret)})
    assert weak.status_code == 200 and weak.context["form"].errors["password2"]
    wrong = invitee.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "token": "000000"})
    assert wrong.status_code == 200 and "token" in wrong.context["form"].errors
    user = User.objects.get(pk=newcomer.pk)
    assert not user.has_usable_password()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()

    # After a wrong code django-otp makes the next try wait (1 s, doubling): skip the wait here.
    TOTPDevice.objects.filter(user=user).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    again = invitee.get(form_url)
    assert again.context["secret"] == secret, "the same key until the invitation is accepted"
    data = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "token": current_code(secret)}
    assert invitee.post(form_url, data).status_code == 302


def test_an_editor_chooses_a_password_without_an_app(people):
    editor = User.objects.create_user("bientap-moi", "bientap-moi@example.org")
    editor.set_unusable_password()
    editor.save()
    editor.groups.add(people["editor"].groups.first())
    invitee = Client()
    page = invitee.get(invitee.get(invitation_link(editor))["Location"])
    assert "token" not in page.context["form"].fields and "<svg" not in page.content.decode()
    done = accept_invitation(invitee, invitation_link(User.objects.get(pk=editor.pk)), NEW_PASSWORD)
    assert done.status_code == 302
    assert invitee.get(reverse("wagtailadmin_home")).status_code == 200
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_the_invitation_page_is_in_the_invitees_language(newcomer):
    profile = UserProfile.get_for_user(newcomer)
    profile.preferred_language = "km"
    profile.save()
    invitee = Client()
    page = invitee.get(invitee.get(invitation_link(newcomer))["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert "ទទួលយកការអញ្ជើញរបស់អ្នក" in page.content.decode()


# Someone with only the password -----------------------------------------------------------------


def test_a_plain_password_sign_in_of_a_new_reviewer_cannot_reach_enrolment(people):
    """The reviewer's password is known (typed by someone else, or set by hand on the edit page),
    but the account has no app yet: signing in leads to a notice, never to a QR code or a key."""
    reviewer = people["reviewer"]
    intruder = Client()
    login = {"username": reviewer.username, "password": PASSWORD}
    notice = intruder.post(reverse("wagtailadmin_login"), login, follow=True)
    assert notice.redirect_chain[-1][0].startswith(reverse("newsroom_2fa_setup"))
    html = notice.content.decode()
    assert "newsroom-qr" not in html and "newsroom-secret" not in html and 'name="token"' not in html
    assert "liên kết mời" in html, "told, in Vietnamese, to use their invitation link"
    for path in (reverse("wagtailadmin_explore_root"), reverse("newsroom_2fa_verify")):
        assert intruder.get(path)["Location"].startswith(reverse("newsroom_2fa_setup"))
    assert not TOTPDevice.objects.filter(user=reviewer).exists()


def test_an_account_with_an_app_keeps_password_and_code(people):
    reviewer = people["reviewer"]
    device = authenticator(reviewer)
    person = Client()
    person.post(reverse("wagtailadmin_login"), {"username": reviewer.username, "password": PASSWORD})
    prompt = person.get(reverse("wagtailadmin_home"))["Location"]
    assert prompt.startswith(reverse("newsroom_2fa_verify"))
    assert person.post(prompt, {"token": current_code(device)})["Location"] == reverse("wagtailadmin_home")
    assert person.get(reverse("wagtailadmin_explore_root")).status_code == 200


# Sending again --------------------------------------------------------------------------------


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
def test_an_administrator_sends_a_new_invitation_which_cancels_the_old_one(administrator, newcomer):
    old = invitation_link(newcomer)
    listing = administrator.get(reverse("wagtailusers_users:index")).content.decode()
    url = reverse("wagtailusers_users:invite", args=[newcomer.pk])
    assert url in listing
    assert url in administrator.get(reverse("wagtailusers_users:edit", args=[newcomer.pk])).content.decode()
    assert administrator.get(url).status_code == 200
    assert administrator.post(url)["Location"] == reverse("wagtailusers_users:edit", args=[newcomer.pk])
    (message,) = mail.outbox
    assert "Lời mời mới" in message.subject
    assert Client().get(old).status_code == 404
    assert accept_invitation(Client(), _path(_link_in(message)), NEW_PASSWORD).status_code == 302


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
def test_a_new_invitation_for_a_lost_phone(administrator, people):
    reviewer = people["reviewer"]
    authenticator(reviewer)
    url = reverse("wagtailusers_users:invite", args=[reviewer.pk])
    administrator.post(url, {"forget_authenticator": "on"})
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert not User.objects.get(pk=reviewer.pk).check_password(PASSWORD), "the old password stops working"
    invitee = Client()
    page = invitee.get(invitee.get(_path(_link_in(mail.outbox[0])))["Location"])
    assert page.context["enrolling"]


def test_without_user_permissions_no_invitations(client, people, newcomer):
    sign_in(client, people["reviewer"])
    assert client.get(reverse("wagtailusers_users:invite", args=[newcomer.pk])).status_code in (302, 403)
    assert client.get(reverse("wagtailusers_users:invite", args=[987654])).status_code in (302, 403, 404)


def test_only_a_superuser_reissues_a_superusers_invitation(administrator, admin_user):
    response = administrator.post(reverse("wagtailusers_users:invite", args=[admin_user.pk]))
    assert response.status_code in (302, 403) and not mail.outbox
    assert User.objects.get(pk=admin_user.pk).has_usable_password()


@override_settings(WAGTAILADMIN_BASE_URL=SITE)
def test_a_mail_server_failure_is_reported_and_the_account_kept(administrator):
    with mock.patch("newsroom.invitations.send_mail", side_effect=OSError("connection refused")):
        response = _create(administrator, "kiemduyet-moi")
    assert response.status_code == 302
    assert User.objects.filter(username="kiemduyet-moi").exists()
    shown = administrator.get(response["Location"]).content.decode()
    assert "thư mời" in shown


# Commands -------------------------------------------------------------------------------------


def test_seed_demo_prints_the_demo_administrators_and_reviewers_invitations(settings):
    from home.management.commands.seed_demo import DEV_ADMIN_PASSWORD, Command

    settings.WAGTAILADMIN_BASE_URL = SITE
    output = io.StringIO()
    Command(stdout=output)._create_admin()
    text = output.getvalue()
    links = re.findall(rf"{re.escape(SITE)}(/admin/invitation/\S+)", text)
    assert len(links) == 2, text  # the administrator and the reviewer
    assert f"password {DEV_ADMIN_PASSWORD}" in text, "editors and translators keep the demo password"
    admin = User.objects.get(username="admin")
    assert not admin.has_usable_password()
    invitee = Client()
    assert accept_invitation(invitee, links[0], NEW_PASSWORD)["Location"] == reverse("wagtailadmin_home")
    assert invitee.get(reverse("wagtailadmin_explore_root")).status_code == 200

    again = io.StringIO()
    Command(stdout=again)._create_admin()
    assert "user admin, their password and a code" in again.getvalue()


def test_the_invite_command_prints_a_link_for_the_first_administrator(settings):
    settings.WAGTAILADMIN_BASE_URL = SITE
    User.objects.create_superuser("quantri-dau-tien", "qt@example.org", PASSWORD)
    output = io.StringIO()
    call_command("invite", "quantri-dau-tien", stdout=output)
    (link,) = re.findall(rf"{re.escape(SITE)}(/admin/invitation/\S+)", output.getvalue())
    assert not User.objects.get(username="quantri-dau-tien").has_usable_password()
    assert accept_invitation(Client(), link, NEW_PASSWORD).status_code == 302


def test_setup_roles_lists_who_still_needs_an_invitation(people):
    output = io.StringIO()
    call_command("setup_roles", stdout=output)
    assert "  kiemduyet" in output.getvalue()
    authenticator(people["reviewer"])
    output = io.StringIO()
    call_command("setup_roles", stdout=output)
    assert "  kiemduyet" not in output.getvalue()
