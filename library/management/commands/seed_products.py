from django.core.management.base import BaseCommand

from bench.products import create_products
from bench.synthetic import LANGUAGES


class Command(BaseCommand):
    help = (
        "Add N synthetic live products (for benchmarks), spread over the vi, en and km libraries or "
        "in one of them (--language), with text in each library's language. Run seed_demo first."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=1079)
        parser.add_argument("--language", choices=[*LANGUAGES, "all"], default="all")

    def handle(self, *args, count, seed, language, **options):
        plan = create_products(count, seed=seed, language=language, stdout=self.stdout)
        spread = ", ".join(f"{code} {number}" for code, number in plan.items())
        self.stdout.write(f"Created {count} products ({spread}).")
