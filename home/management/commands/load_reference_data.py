from django.core.management.base import BaseCommand

from home import reference_data


class Command(BaseCommand):
    help = (
        "Load provinces (34 current, 63 former, mergers), the seven core conventions and the shared "
        "vocabularies from home/data/. Idempotent; editors' changes to names are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", default=str(reference_data.DATA_DIR))

    def handle(self, *args, data_dir, **options):
        report = reference_data.load(data_dir)
        self.stdout.write(f"Reference data: {report}")
        for item in report.kept:
            self.stdout.write(f"  kept editor's change: {item}")
