from django.core.management.base import BaseCommand
from django.utils import timezone

from plans.models import QuizResponse


class Command(BaseCommand):
    help = "Delete quiz answers whose retention period (set on each quiz) has ended. Run daily."

    def handle(self, *args, **options):
        deleted, _rows = QuizResponse.objects.filter(delete_after__lt=timezone.localdate()).delete()
        self.stdout.write(f"plans: {deleted} quiz answers deleted after their retention period")
