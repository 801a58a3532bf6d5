from django.core.management.base import BaseCommand

from library.synthetic import create_products


class Command(BaseCommand):
    help = "Add N synthetic live products to the vi library (for benchmarks). Run seed_demo first."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=1079)

    def handle(self, *args, count, seed, **options):
        create_products(count, seed=seed, stdout=self.stdout)
        self.stdout.write(f"Created {count} products.")
