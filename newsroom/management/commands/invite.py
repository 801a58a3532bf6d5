"""Print (and optionally e-mail) a one-time invitation link for an account."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from newsroom import invitations


class Command(BaseCommand):
    help = (
        "Print a one-time invitation link for USERNAME: the person opens it to choose a password "
        "and, for administrators and reviewers, to set up their authenticator app. The first "
        "administrator of a new site gets in this way. The account's password and earlier links stop "
        "working."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--email", action="store_true", help="Also e-mail the link to the account's address."
        )
        parser.add_argument(
            "--forget-authenticator",
            action="store_true",
            help="Also remove the account's authenticator app (a lost phone); the person sets it up again.",
        )

    def handle(self, *args, username, email=False, forget_authenticator=False, **options):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        if not user.is_active:
            raise CommandError(f"The account {username!r} is switched off (not active).")
        invitations.reissue(user, forget_authenticator=forget_authenticator)
        if email:
            if not user.email:
                raise CommandError(f"The account {username!r} has no e-mail address.")
            invitations.send_invitation(user, reissued=True)
            self.stdout.write(f"Invitation e-mailed to {user.email}.")
        days = invitations.valid_days()
        self.stdout.write(f"{username}: {invitations.invitation_url(user)}  (works once, for {days} days)")
