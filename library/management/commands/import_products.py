from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Locale

from library import importer


class Command(BaseCommand):
    help = "Check (default) or import (--commit) products from a CSV or XLSX file. All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--language", default="vi", help="Language of the records (vi, en or km).")
        parser.add_argument("--commit", action="store_true", help="Write the changes; without it, a dry run.")
        parser.add_argument("--publish", action="store_true", help="Publish new products instead of drafts.")

    def handle(self, *args, path, language, commit, publish, **options):
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise CommandError(f"Unknown language {language}")
        try:
            rows = importer.read_rows(path, Path(path).read_bytes())
        except (OSError, importer.ImportFileError) as error:
            raise CommandError(str(error)) from error
        if commit:
            report = importer.commit(rows, locale, publish=publish)
        else:
            report, _plans = importer.check(rows, locale)
        for problem in report.problems:
            self.stderr.write(f"row {problem.row}, {problem.column}: {problem.message}")
        for note in report.notes:
            self.stdout.write(f"row {note.row}, {note.column}: {note.message}")
        if not report.ok:
            raise CommandError(f"{len(report.problems)} problem(s); nothing was imported.")
        done = f"created {len(report.created)}, updated {len(report.updated)}" if commit else "dry run"
        self.stdout.write(f"{report.rows} rows: {report.to_create} new, {report.to_update} updates ({done}).")
