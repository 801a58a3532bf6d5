"""Rebuild the site's search index (database or cluster), then Wagtail's own (used by the admin).

Publishing keeps both current; run this after a bulk import that bypassed publishing, after
changing ``SEARCH_URL``, or to repair an index.
"""

import time

from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search import indexing


class Command(WagtailUpdateIndex):
    help = "Rebuild the site's search index, then Wagtail's admin search index."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--site-only", action="store_true", help="Rebuild only the site's search index.")

    def handle(self, **options):
        started = time.monotonic()
        quiet = options.get("verbosity", 1) == 0
        total = indexing.rebuild(stdout=None if quiet else self.stdout)
        if not quiet:
            self.stdout.write(f"site search: {total} documents in {time.monotonic() - started:.1f} s")
        if not options["site_only"]:
            super().handle(**options)
