"""Sign-in protection: the client's address behind proxies, and two-factor authentication (TOTP).

Failed sign-ins are counted by django-axes per account and per address (settings: ``AXES_*``).
Administrators and reviewers (:data:`newsroom.roles.TWO_FACTOR_GROUPS`, and superusers) must
confirm each session with a code from an authenticator app; on their first sign-in they enrol.
"""

from urllib.parse import urlencode

import django_otp
import segno
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from .roles import roles_of


def client_address(request):
    """The visitor's address. Behind ``TRUSTED_PROXY_HOPS`` reverse proxies it is read from
    X-Forwarded-For, counting from the right (the part a visitor cannot forge)."""
    hops = getattr(settings, "TRUSTED_PROXY_HOPS", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(addresses) >= hops:
            return addresses[-hops]
    return request.META.get("REMOTE_ADDR")


def needs_two_factor(user):
    return user.is_authenticated and roles_of(user).needs_two_factor


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


class TwoFactorMiddleware:
    """Admin requests from people who must use two-factor authentication go to enrolment or to the
    code prompt until this session is verified. Other admin users and the public site pass."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and request.path.startswith(_admin_prefix())
            and needs_two_factor(user)
            and not user.is_verified()
            and not _exempt(request.path)
        ):
            has_device = TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()
            target = "newsroom_2fa_verify" if has_device else "newsroom_2fa_setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


def _admin_prefix():
    return reverse("wagtailadmin_home")


def _exempt(path):
    """The code prompts themselves, signing out, and the assets the prompts' pages load (the icon
    sprite and the JavaScript catalogue hold no data; redirecting them would put the prompt's
    HTML inside the page)."""
    allowed = (
        reverse("newsroom_2fa_setup"),
        reverse("newsroom_2fa_verify"),
        reverse("wagtailadmin_logout"),
        reverse("wagtailadmin_sprite"),
        reverse("wagtailadmin_javascript_catalog"),
    )
    return path in allowed or path.startswith(reverse("wagtailadmin_login"))


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9]*",
                "autofocus": True,
            }
        ),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("Enter the digits shown in your authenticator app."))
        return token


def _verify(device, token):
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        return False, _("Too many wrong codes. Wait a minute, then try again.")
    if device.verify_token(token):
        return True, None
    return False, _("That code is not right, or it has expired. Try the code now shown.")


@never_cache
@login_required(login_url="wagtailadmin_login")
@sensitive_post_parameters("token")
def setup(request):
    """Enrol an authenticator app: scan the QR code (or type the key), then confirm one code."""
    user = request.user
    if TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
        return redirect(f"{reverse('newsroom_2fa_verify')}?{urlencode({'next': _next(request)})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=str(_("Authenticator app")), confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, error = _verify(device, form.cleaned_data["token"])
        if ok:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            return redirect(_next(request))
        form.add_error("token", error)
    uri = device.config_url
    return render(
        request,
        "newsroom/two_factor_setup.html",
        {
            "form": form,
            "next": _next(request),
            "qr_svg": segno.make(uri, error="m").svg_inline(
                scale=4, title=str(_("QR code for your authenticator app"))
            ),
            "secret": _grouped(device.bin_key),
        },
    )


@never_cache
@login_required(login_url="wagtailadmin_login")
@sensitive_post_parameters("token")
def verify(request):
    """Ask for the current code at the start of each session."""
    devices = list(TOTPDevice.objects.devices_for_user(request.user, confirmed=True))
    if not devices:
        return redirect(f"{reverse('newsroom_2fa_setup')}?{urlencode({'next': _next(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        error = None
        for device in devices:
            ok, error = _verify(device, form.cleaned_data["token"])
            if ok:
                django_otp.login(request, device)
                return redirect(_next(request))
        form.add_error("token", error)
    return render(request, "newsroom/two_factor_verify.html", {"form": form, "next": _next(request)})


def _grouped(key):
    from base64 import b32encode

    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def locked_out(request, original_response=None, credentials=None):
    """django-axes: the page shown while sign-in is paused (HTTP 429), in the visitor's language."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(request, "newsroom/locked_out.html", {"cooloff_minutes": minutes}, status=429)
