from django.core.management.base import BaseCommand

from library import facets


class Command(BaseCommand):
    help = "Rebuild the library's facet index from the products (after bulk changes to taxonomy)."

    def handle(self, *args, **options):
        count = facets.rebuild_all(stdout=self.stdout)
        self.stdout.write(f"Indexed {count} products.")
