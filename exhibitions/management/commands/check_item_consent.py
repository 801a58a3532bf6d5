"""Daily: tell editors about exhibition items whose consent has ended or ends within 30 days."""

from django.core.management.base import BaseCommand

from exhibitions import consent


class Command(BaseCommand):
    help = "E-mail editors about items withdrawn for expired consent, and consent ending within 30 days."

    def handle(self, *args, **options):
        expired, expiring, mails = consent.notify()
        self.stdout.write(
            f"consent: {len(expired)} withdrawn, {len(expiring)} ending soon, {mails} e-mails sent"
        )
