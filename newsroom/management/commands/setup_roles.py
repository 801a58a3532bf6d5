"""Create or refresh the newsroom's groups, their permissions and the review workflow."""

from django.core.management.base import BaseCommand

from newsroom import roles


class Command(BaseCommand):
    help = (
        "Build the Site administrators, Reviewers, Translators and per-organisation Editors groups, "
        "and the 'Review before publishing' workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        roles.setup_roles()
        from django.contrib.auth.models import Group

        for group in Group.objects.order_by("name"):
            self.stdout.write(f"{group.name}: {group.user_set.count()} member(s)")
