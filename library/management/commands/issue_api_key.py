from django.core.management.base import BaseCommand

from library.models import PartnerKey


class Command(BaseCommand):
    help = "Issue a partner API key and print it once (it is stored hashed)."

    def add_arguments(self, parser):
        parser.add_argument("agency")
        parser.add_argument("--per-minute", type=int, default=600)

    def handle(self, *args, agency, per_minute, **options):
        key, secret = PartnerKey.issue(agency, per_minute)
        self.stdout.write(f"{key.agency}: {secret}")
