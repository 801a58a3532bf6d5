from django.core.management.base import BaseCommand

from bench.articles import create_articles
from bench.synthetic import LANGUAGES


class Command(BaseCommand):
    help = (
        "Add N synthetic live articles (benchmarks), spread over the vi, en and km news sections or "
        "in one of them (--language), with text in each section's language; then run update_index."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=2022)
        parser.add_argument("--language", choices=[*LANGUAGES, "all"], default="all")

    def handle(self, *args, count, seed, language, **options):
        plan = create_articles(count, seed=seed, language=language, stdout=self.stdout)
        spread = ", ".join(f"{code} {number}" for code, number in plan.items())
        self.stdout.write(f"Created {count} articles ({spread}).")
