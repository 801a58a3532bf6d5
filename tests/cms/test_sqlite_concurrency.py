"""Several editors saving at once never meet "database is locked".

The embedded default is SQLite (``cms.settings.components.databases``): write-ahead logging, a
busy timeout, and transactions that take the write lock when they begin. The concurrency test
saves revisions of one page from several threads at once, each thread with its own connection,
as Wagtail's autosave and an editor's "Submit for review" do in the same second.

pytest-django's SQLite test database lives in memory and is reachable only from this process
(and the live server shares one connection with the tests), so it cannot show how separate
connections queue. The test therefore runs this file as a script in a subprocess, configured
like a deployment from ``DATABASE_URL`` alone: on SQLite a file copy of the seeded test database
(``VACUUM INTO``), on PostgreSQL the test database itself, where the subprocess's page and
revisions are committed and then deleted again.
"""

import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
THREADS = 8
REVISIONS_PER_THREAD = 6


def save_revisions_concurrently():
    """In the subprocess: a new page, then THREADS threads saving revisions of it at once."""
    import django

    django.setup()
    from django.db import connection

    from wagtail.models import Page, PageLogEntry

    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="vi")
    page = home.add_child(instance=Page(title="Concurrency", slug=f"concurrency-{os.getpid()}"))
    try:
        report = _race(page)
    finally:  # on PostgreSQL this is the session's test database: leave it as it was
        PageLogEntry.objects.filter(page_id=page.pk).delete()
        Page.objects.get(pk=page.pk).delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            report["journal_mode"] = cursor.fetchone()[0]
    print(json.dumps(report))


def _race(page):
    from django.db import connection, connections

    from wagtail.models import Page

    start = threading.Barrier(THREADS)
    errors = []

    def editor(number):
        try:
            start.wait()
            for revision in range(REVISIONS_PER_THREAD):
                mine = Page.objects.get(pk=page.pk)
                mine.title = f"Concurrency {number}.{revision}"
                mine.save_revision(log_action=True)
        except Exception as error:  # reported to the test, which fails on any
            errors.append(f"{type(error).__name__}: {error}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=editor, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    options = connection.settings_dict["OPTIONS"]
    return {
        "errors": errors,
        "saved": page.revisions.count(),
        "vendor": connection.vendor,
        "options": {key: options.get(key) for key in ("transaction_mode", "timeout")},
    }


def test_sqlite_settings_are_safe_for_several_editors():
    from cms.settings import components

    sqlite = components.databases("sqlite:////srv/newsroom/db.sqlite3")["default"]
    assert sqlite["ENGINE"] == "django.db.backends.sqlite3" and sqlite["NAME"] == "/srv/newsroom/db.sqlite3"
    assert sqlite["OPTIONS"] == {
        "init_command": "PRAGMA journal_mode=WAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": components.SQLITE_BUSY_TIMEOUT,
    }
    postgres = components.databases("postgres://cms:secret@db:5432/cms", conn_max_age=60)["default"]
    assert postgres["ENGINE"] == "django.db.backends.postgresql" and postgres["CONN_MAX_AGE"] == 60
    assert not {"init_command", "transaction_mode", "timeout"} & set(postgres.get("OPTIONS", {}))
    assert postgres["CONN_HEALTH_CHECKS"] is True


def subprocess_database_url(tmp_path):
    """A DATABASE_URL a subprocess can open, holding the committed seed."""
    from django.db import connection

    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        # A second connection to the in-memory test database (outside this test's transaction)
        # copies what the session committed into a file.
        copy = tmp_path / "newsroom.sqlite3"
        source = sqlite3.connect(settings_dict["NAME"], uri=True)
        try:
            source.execute("VACUUM INTO ?", (str(copy),))
        finally:
            source.close()
        return f"sqlite:///{copy}"
    user, host, port = settings_dict["USER"], settings_dict["HOST"], settings_dict["PORT"]
    return f"postgres://{user}@{host}:{port}/{settings_dict['NAME']}"


@pytest.mark.django_db
def test_revisions_saved_from_several_threads_at_once_never_meet_a_locked_database(seeded, tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": subprocess_database_url(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, __file__],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["errors"] == [], report
    assert report["saved"] == THREADS * REVISIONS_PER_THREAD
    if report["vendor"] == "sqlite":
        assert report["journal_mode"] == "wal"
        assert report["options"]["transaction_mode"] == "IMMEDIATE"


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    save_revisions_concurrently()
