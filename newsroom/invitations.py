"""Invitations: the only way into a new account.

An account an administrator creates has no usable password. Its owner gets an e-mail, in their
language, with a one-time link (a token in the style of Django's password reset tokens: signed
with ``SECRET_KEY``, valid for ``PASSWORD_RESET_TIMEOUT``, three days by default, and spent once
the password is set). The link's page lets them choose a password and, when their role needs two
factors, enrol their authenticator app in the same form; then they are signed in, verified.

Nobody who merely knows or guesses a password can enrol an authenticator: a person who must use
two factors and has none is sent back to their invitation (:func:`newsroom.accounts.setup`).

Sending a new invitation (:func:`reissue`) cancels the account's password and every earlier link.
"""

import django_otp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.forms import SetPasswordMixin
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import accounts

SIGN_IN_BACKEND = "django.contrib.auth.backends.ModelBackend"


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Django's password reset token with its own salt (a reset token is no invitation, nor the
    reverse). It covers the account's password hash and last sign-in, so it is spent as soon as
    the password is set, and an account that is switched off accepts none."""

    key_salt = "newsroom.invitations.InvitationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


tokens = InvitationTokenGenerator()


def valid_days():
    return max(1, round(settings.PASSWORD_RESET_TIMEOUT / 86400))


def language_of(user):
    """The language of the person's e-mails and invitation page: their admin language (Wagtail's
    user profile), or the site's default, Vietnamese."""
    from wagtail.users.models import UserProfile

    profiles = UserProfile.objects.filter(user=user)
    preferred = profiles.values_list("preferred_language", flat=True).first()
    return preferred if preferred in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def invitation_path(user):
    return reverse(
        "newsroom_invitation",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": tokens.make_token(user)},
    )


def invitation_url(user):
    """The link to send: the site's public address (``SITE_URL``) and a fresh token."""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{invitation_path(user)}"


def reissue(user, *, forget_authenticator=False):
    """Prepare the account for a new invitation: its password and earlier links stop working
    (and so do its open sessions), and an authenticator key shown on an earlier invitation page
    is dropped. ``forget_authenticator`` also removes the app it uses (a lost phone)."""
    user.set_unusable_password()
    user.save(update_fields=["password"])
    devices = TOTPDevice.objects.filter(user=user)
    if not forget_authenticator:
        devices = devices.filter(confirmed=False)
    devices.delete()


def send_invitation(user, *, invited_by=None, reissued=False):
    """E-mail the person their link, in their language; returns the link. Raises the mail
    backend's error (``OSError``/``SMTPException``) if the message cannot be sent."""
    url = invitation_url(user)
    with translation.override(language_of(user)):
        context = {
            "user": user,
            "name": user.get_full_name() or user.get_username(),
            "username": user.get_username(),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "invited_by": (invited_by.get_full_name() or invited_by.get_username()) if invited_by else "",
            "url": url,
            "days": valid_days(),
            "reissued": reissued,
            "two_factor": accounts.needs_two_factor(user),
        }
        subject = " ".join(render_to_string("newsroom/invitation_email_subject.txt", context).split())
        body = render_to_string("newsroom/invitation_email.txt", context)
    send_mail(subject, body, None, [user.email])
    return url


# The invitation page ----------------------------------------------------------------------------


class InvitationForm(SetPasswordMixin, forms.Form):
    """Choose a password (Django's password validators apply) and, for administrators and
    reviewers, confirm one code from the authenticator app: the one being enrolled, or the one
    they already use."""

    password1, password2 = SetPasswordMixin.create_password_fields()
    token = accounts.code_field()

    def __init__(self, user, *args, device=None, **kwargs):
        self.user = user
        self.device = device
        super().__init__(*args, **kwargs)
        self.fields["password1"].widget.attrs["autofocus"] = True
        if device is None:
            del self.fields["token"]

    def clean_token(self):
        return accounts.clean_code(self.cleaned_data["token"])

    def clean(self):
        self.validate_passwords()
        self.validate_password_for_user(self.user)
        cleaned = super().clean()
        # The code is checked last: a code spent on a form with another error could not be used
        # again when the form comes back (each code verifies once).
        if self.device is not None and not self.errors:
            ok, error = accounts.check_code(self.device, cleaned["token"])
            if not ok:
                self.add_error("token", error)
        return cleaned

    def save(self):
        return self.set_password_and_save(self.user)


class InvitationView(PasswordResetConfirmView):
    """``/admin/invitation/<uid>/<token>/``: Django's password reset confirmation (the token moves
    into the session, so the address bar and Referer never show it), shown in the invitee's
    language. A wrong, used, expired or guessed link answers 404 with the same page whatever the
    reason."""

    template_name = "newsroom/invitation.html"
    form_class = InvitationForm
    token_generator = tokens

    def dispatch(self, request, *args, **kwargs):
        # A session signed in before this invitation was sent is emptied when its user is first
        # read (the password it was made with is gone): read it now, before the link's token is
        # kept in the session, or the token would be emptied with it.
        request.user.is_authenticated  # noqa: B018
        # The invitee's language only for a link that works: a wrong one must not tell, by its
        # language, that the account exists.
        language = self._invitee_language(kwargs.get("uidb64", ""), kwargs.get("token", ""))
        with translation.override(language or translation.get_language()):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        return response

    def _invitee_language(self, uidb64, token):
        user = self.get_user(uidb64)
        if user is None:
            return None
        if token == self.reset_url_token:
            token = self.request.session.get(INTERNAL_RESET_SESSION_TOKEN)
        return language_of(user) if self.token_generator.check_token(user, token) else None

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None

    def render_to_response(self, context, **response_kwargs):
        if not self.validlink:
            return TemplateResponse(self.request, "newsroom/invitation_invalid.html", context, status=404)
        return super().render_to_response(context, **response_kwargs)

    def _device(self):
        """The authenticator to confirm: the one already in use, or a new one to enrol (the same
        one on every visit of the page, until the invitation is accepted)."""
        if not accounts.needs_two_factor(self.user):
            return None
        devices = TOTPDevice.objects.devices_for_user(self.user, confirmed=True)
        device = devices.first() or TOTPDevice.objects.filter(user=self.user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=self.user, name=str(_("Authenticator app")), confirmed=False
            )
        return device

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["device"] = self.device = self._device()
        return kwargs

    def get_context_data(self, **kwargs):
        if not self.validlink:
            return {"days": valid_days()}  # the same page whatever is wrong with the link
        context = super().get_context_data(**kwargs)
        device = getattr(self, "device", None)
        context.update(
            invitee=self.user,
            enrolling=device is not None and not device.confirmed,
            has_authenticator=device is not None and device.confirmed,
        )
        if context["enrolling"]:
            context.update(accounts.enrolment_details(device))
        return context

    def form_valid(self, form):
        device = form.device
        with transaction.atomic():
            user = form.save()
            if device is not None and not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        auth_login(self.request, user, SIGN_IN_BACKEND)
        if device is not None:
            django_otp.login(self.request, device)
        messages.success(self.request, gettext("Welcome. Your password is set and you are signed in."))
        admin = user.has_perm("wagtailadmin.access_admin")
        return redirect(reverse("wagtailadmin_home") if admin else "/")


def awaiting_invitation():
    """People who must use two factors and have no authenticator app: they need an invitation."""
    User = get_user_model()
    with_device = TOTPDevice.objects.filter(confirmed=True).values("user_id")
    people = User.objects.filter(is_active=True).exclude(pk__in=with_device).order_by(User.USERNAME_FIELD)
    return [person for person in people if accounts.needs_two_factor(person)]
