from django.core.management.base import BaseCommand

from news.synthetic import create_articles


class Command(BaseCommand):
    help = "Add N synthetic live articles to the vi news section (benchmarks); then run update_index."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=2022)

    def handle(self, *args, count, seed, **options):
        create_articles(count, seed=seed, stdout=self.stdout)
        self.stdout.write(f"Created {count} articles.")
