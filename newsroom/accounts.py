"""Sign-in protection: the client's address behind proxies, and two-factor authentication (TOTP).

Failed sign-ins are counted by django-axes per account and per address (settings: ``AXES_*``).
Administrators and reviewers (:data:`newsroom.roles.TWO_FACTOR_GROUPS`, and superusers) must
confirm each session with a code from an authenticator app. They enrol the app only through
their invitation (:mod:`newsroom.invitations`), never after a plain password sign-in, so a person
who learns a new account's password cannot enrol an app of their own.

Until the code is confirmed, the session counts as anonymous on the public site
(:func:`effective_user`).
"""

from urllib.parse import urlencode

import django_otp
import segno
from asgiref.sync import sync_to_async
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
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


def is_verified(user):
    """Whether this session confirmed a code (django-otp's ``user.is_verified()``; a user object
    that did not pass through django-otp's middleware counts as not verified)."""
    check = getattr(user, "is_verified", None)
    return bool(check is not None and check())


def counts_as(user):
    """The user that ``user`` (a session's user) counts as for viewing: an anonymous visitor while
    they owe a second factor, otherwise themselves."""
    if user is None or not user.is_authenticated:
        return user if user is not None else _anonymous()
    if needs_two_factor(user) and not is_verified(user):
        return _anonymous()
    return user


def effective_user(request):
    """The user ``request`` counts as for viewing anything on the public site.

    It is the signed-in user, except that a person whose role needs a second factor (superusers,
    administrators, reviewers) counts as an anonymous visitor until this session has confirmed a
    code. Whatever shows a signed-in person more than an anonymous visitor (Wagtail's login-only
    and group-only pages, private document collections, listings or search that include
    restricted content) must decide with this user, never with the session's
    ``request.user.is_authenticated`` alone.

    On every path outside the admin, :class:`TwoFactorMiddleware` already puts this answer in
    ``request.user`` (and ``request.auser()``), so Wagtail's own checks and any view use it; other
    code (a visibility rule given a request) calls this function. Calling it again on its own
    answer gives the same answer.
    """
    return counts_as(getattr(request, "user", None))


def _anonymous():
    anonymous = AnonymousUser()
    anonymous.otp_device = None  # what django-otp's middleware gives every user
    anonymous.is_verified = lambda: False
    return anonymous


def _next(request, default=None):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or reverse("wagtailadmin_home")


class TwoFactorMiddleware:
    """Two-factor authentication for the whole site.

    * In the admin, people who must use two factors go to the code prompt until this session is
      verified, or, without an authenticator app, to a page that sends them to their invitation.
    * Everywhere else, ``request.user`` becomes :func:`effective_user`: a session that has not
      confirmed its code is an anonymous visitor, so restricted pages, private documents and
      anything else give it exactly the anonymous answer.
    * Wagtail's front-end sign-in page, where restricted pages send anonymous visitors, asks a
      person who is signed in but owes the code for it, then returns to the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None:
            return self.get_response(request)
        if request.path.startswith(_admin_prefix()):
            if not _exempt(request.path) and needs_two_factor(user) and not user.is_verified():
                return redirect(_prompt_url(user, request.get_full_path()))
            return self.get_response(request)
        request.session_user = user
        request.user = SimpleLazyObject(lambda: counts_as(user))
        session_auser = getattr(request, "auser", None)
        if session_auser is not None:

            async def auser():
                return await sync_to_async(counts_as)(await session_auser())

            request.auser = auser
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "GET" or match is None or match.url_name != "wagtailcore_login":
            return None
        user = getattr(request, "session_user", None)
        if user is not None and needs_two_factor(user) and not is_verified(user):
            return redirect(_prompt_url(user, _next(request, default="/")))
        return None


def _prompt_url(user, next_url):
    """The code prompt, or (without a confirmed authenticator) the page about invitations."""
    has_device = TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()
    target = "newsroom_2fa_verify" if has_device else "newsroom_2fa_setup"
    return f"{reverse(target)}?{urlencode({'next': next_url})}"


def _admin_prefix():
    return reverse("wagtailadmin_home")


def _exempt(path):
    """The code prompts themselves, signing out, invitations, and the assets the prompts' pages
    load (the icon sprite and the JavaScript catalogue hold no data; redirecting them would put
    the prompt's HTML inside the page)."""
    allowed = (
        reverse("newsroom_2fa_setup"),
        reverse("newsroom_2fa_verify"),
        reverse("wagtailadmin_logout"),
        reverse("wagtailadmin_sprite"),
        reverse("wagtailadmin_javascript_catalog"),
    )
    return (
        path in allowed
        or path.startswith(reverse("wagtailadmin_login"))
        or path.startswith(f"{_admin_prefix()}invitation/")
    )


def code_field(*, autofocus=False):
    """The field for a code from an authenticator app (phones fill it in from the app)."""
    attrs = {"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
    if autofocus:
        attrs["autofocus"] = True
    return forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs=attrs),
    )


def clean_code(value):
    token = value.replace(" ", "")
    if not token.isdigit():
        raise forms.ValidationError(_("Enter the digits shown in your authenticator app."))
    return token


class TokenForm(forms.Form):
    token = code_field(autofocus=True)

    def clean_token(self):
        return clean_code(self.cleaned_data["token"])


def check_code(device, token):
    """``(True, None)`` if ``token`` is the device's current code, else ``(False, message)``; wrong
    codes make the next try wait (django-otp's throttling: 1, 2, 4... seconds)."""
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        return False, _("Too many wrong codes. Wait a minute, then try again.")
    if device.verify_token(token):
        return True, None
    return False, _("That code is not right, or it has expired. Try the code now shown.")


@never_cache
@login_required(login_url="wagtailadmin_login")
def setup(request):
    """Where a person who must use two factors but has no authenticator app lands after signing in
    with a password: the app is enrolled only through an invitation link
    (:class:`newsroom.invitations.InvitationView`), so this page says how to get one."""
    if TOTPDevice.objects.devices_for_user(request.user, confirmed=True).exists():
        return redirect(f"{reverse('newsroom_2fa_verify')}?{urlencode({'next': _next(request)})}")
    return render(request, "newsroom/two_factor_setup.html")


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
            ok, error = check_code(device, form.cleaned_data["token"])
            if ok:
                django_otp.login(request, device)
                return redirect(_next(request))
        form.add_error("token", error)
    return render(request, "newsroom/two_factor_verify.html", {"form": form, "next": _next(request)})


def enrolment_details(device):
    """What a person needs to add ``device`` to an authenticator app: a QR code (inline SVG) and
    the same key typed out in groups of four."""
    return {
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(
            scale=4, title=str(_("QR code for your authenticator app"))
        ),
        "secret": _grouped(device.bin_key),
    }


def _grouped(key):
    from base64 import b32encode

    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def locked_out(request, original_response=None, credentials=None):
    """django-axes: the page shown while sign-in is paused (HTTP 429), in the visitor's language."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(request, "newsroom/locked_out.html", {"cooloff_minutes": minutes}, status=429)
