"""An index for the site menu's query (live pages marked "show in menus" at one depth, by path).

Wagtail runs it on every public page. Without this index PostgreSQL scans the whole page table for
it (18 ms at 110,000 pages; docs/PERFORMANCE.md): the path range cannot use Wagtail's path index,
whose collation differs from the comparison's. The partial index holds only the few menu pages.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS home_page_menu ON wagtailcore_page (depth, path) "
    "WHERE live AND show_in_menus"
)


class Migration(migrations.Migration):
    dependencies = [("home", "0005_document_thumbnails"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, "DROP INDEX IF EXISTS home_page_menu")]
