"""Signing people in for tests as the site does it.

Administrators and reviewers enrol their authenticator app through their invitation and confirm a
code at each sign-in. :func:`sign_in` is the short way, for tests about something else: it signs
the person in and, when ``verified``, records the app an accepted invitation leaves them (see
:func:`authenticator`) as this session's confirmed code. :func:`accept_invitation` goes the whole
way through the real invitation page.
"""

import base64

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def authenticator(user):
    """The person's confirmed authenticator app, as accepting their invitation leaves it."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="test authenticator", confirmed=True
    )


def sign_in(client, user, *, verified=True):
    client.force_login(user)
    if verified:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
        session.save()
    return user


def current_code(device_or_key):
    """The code an authenticator app shows now, for a device or for the key the page typed out."""
    if isinstance(device_or_key, str):
        secret = device_or_key.replace(" ", "")
        key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    else:
        key = device_or_key.bin_key
    return str(TOTP(key).token()).zfill(6)


def accept_invitation(client, link, password):
    """Open an invitation link, choose ``password`` and, if the page asks, enrol the app it shows
    (by the key it types out) or confirm the current code. Returns the final response."""
    from django.contrib.auth import get_user_model
    from django.utils.http import urlsafe_base64_decode

    opened = client.get(link)
    assert opened.status_code == 302, opened.status_code
    form_url = opened["Location"]
    page = client.get(form_url)
    assert page.status_code == 200
    data = {"password1": password, "password2": password}
    if "token" in page.context["form"].fields:
        secret = page.context.get("secret")
        if secret:
            data["token"] = current_code(secret)
        else:
            uid = urlsafe_base64_decode(form_url.rstrip("/").split("/")[-2]).decode()
            data["token"] = current_code(authenticator(get_user_model().objects.get(pk=uid)))
    return client.post(form_url, data)


def invitation_link(user):
    from newsroom import invitations

    return invitations.invitation_path(user)
