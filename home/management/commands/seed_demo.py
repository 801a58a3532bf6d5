"""Build (or refresh) the demo site: every page type in vi with en and km translations."""

import importlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from newsroom import roles

# Modules that contribute demo content, each with ``seed(stdout)``; order matters.
DEMO_APPS = [
    "home.demo",
    "home.demo_conventions",
    "news.demo",
    "library.demo",
    "exhibitions.demo",
    "plans.demo",
]
DEV_ADMIN_USERNAME = "admin"
DEV_ADMIN_PASSWORD = "nhanquyen-demo-2026"  # noqa: S105 (development only, refused unless DEBUG)
#: One account per role, to try the review workflow (development only, like the administrator).
DEMO_PEOPLE = [
    ("kiemduyet", roles.REVIEWERS),
    ("bientap", f"{roles.EDITORS_PREFIX}Báo An Giang"),
    ("dichgia-km", roles.TRANSLATOR_GROUPS["km"]),
]


class Command(BaseCommand):
    help = "Create or update demo content in vi, en and km. Safe to run repeatedly."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Also create the development administrator account (only when DEBUG is on).",
        )

    def handle(self, *args, admin=False, **options):
        if admin and not settings.DEBUG:
            raise CommandError("Refusing to create the demo administrator when DEBUG is off.")
        with transaction.atomic():
            missing = []
            for app in DEMO_APPS:
                gaps = importlib.import_module(app).seed(self.stdout)
                missing.extend(gaps or [])
            roles.setup_roles()
        if missing:
            self.stderr.write(f"{len(missing)} demo strings have no translation and fall back to vi:")
            for text in missing[:20]:
                self.stderr.write(f"  {text[:100]}")
        if admin:
            self._create_admin()

    def _create_admin(self):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=DEV_ADMIN_USERNAME,
            defaults={"email": "admin@nhanquyen.localhost", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_unusable_password()  # the invitation below sets it
            user.save()
        # The address served (``make run`` passes it as SITE_URL), like the invitation links below.
        self.stdout.write(f"Admin: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/")
        self._sign_in_line("Site administrator", user)
        for username, group_name in DEMO_PEOPLE:
            person, created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@nhanquyen.localhost"}
            )
            if created:
                if group_name in roles.TWO_FACTOR_GROUPS:
                    person.set_unusable_password()
                else:
                    person.set_password(DEV_ADMIN_PASSWORD)
                person.save()
            person.groups.add(Group.objects.get(name=group_name))
            self._sign_in_line(group_name, person)

    def _sign_in_line(self, role, user):
        """How a demo account signs in: administrators and reviewers through a one-time invitation
        link (choose a password, set up the authenticator app) until they have an app."""
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from newsroom import invitations

        name = user.get_username()
        if role in roles.TWO_FACTOR_GROUPS or user.is_superuser:
            if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                self.stdout.write(f"  {role}: user {name}, their password and a code from their app")
            else:
                days = invitations.valid_days()
                self.stdout.write(
                    f"  {role}: user {name}, one-time invitation (choose a password, set up an "
                    f"authenticator app; works for {days} days):\n    {invitations.invitation_url(user)}"
                )
        elif user.has_usable_password():
            self.stdout.write(f"  {role}: user {name}, password {DEV_ADMIN_PASSWORD}")
        else:
            self.stdout.write(f"  {role}: user {name}, invitation: {invitations.invitation_url(user)}")
