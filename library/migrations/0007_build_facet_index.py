"""Fill the facet index for products that existed before it."""

from django.db import migrations


def build(apps, schema_editor):
    from library import facets

    facets.rebuild_all()


class Migration(migrations.Migration):
    dependencies = [("library", "0006_facet_index")]

    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
