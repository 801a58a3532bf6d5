"""Create or refresh the newsroom's groups, their permissions and the review workflow."""

from django.core.management.base import BaseCommand

from newsroom import invitations, roles


class Command(BaseCommand):
    help = (
        "Build the Site administrators, Reviewers, Translators and per-organisation Editors groups, "
        "and the 'Review before publishing' workflow. Safe to run again. Lists the administrators "
        "and reviewers who have no authenticator app yet (they need an invitation)."
    )

    def handle(self, *args, **options):
        roles.setup_roles()
        from django.contrib.auth.models import Group

        for group in Group.objects.order_by("name"):
            self.stdout.write(f"{group.name}: {group.user_set.count()} member(s)")
        waiting = invitations.awaiting_invitation()
        if waiting:
            self.stdout.write(
                "Without an authenticator app yet; they set it up only through an invitation "
                "(Settings → Users → Send invitation, or manage.py invite USERNAME):"
            )
            for user in waiting:
                self.stdout.write(f"  {user.get_username()}")
