"""Content languages (ISO 639-3) from library/languages.py; re-running updates names in place."""

from django.db import migrations


def load_languages(apps, schema_editor):
    from library.languages import ensure_languages

    ensure_languages(apps.get_model("library", "Language"))


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [migrations.RunPython(load_languages, migrations.RunPython.noop)]
