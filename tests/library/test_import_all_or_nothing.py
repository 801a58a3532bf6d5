"""An import is all or nothing: a worker killed in the middle of writing a batch leaves none of it.

The import runs in a subprocess configured like a deployment (``DATABASE_URL`` only: a file copy
of the seeded SQLite test database, or the PostgreSQL test database itself). After it has created
three of the file's five products, inside the import's transaction, it tells the test and waits;
the test kills it with SIGKILL (no clean-up of any kind runs) and then looks for the batch.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TITLES = [f"Lô bị ngắt {n}" for n in range(1, 6)]
PAUSE_AFTER = 3


def import_until_killed(path, marker):
    """In the subprocess: import ``path``, stopping for good after the third new product."""
    import django

    django.setup()
    from django.db.models.signals import post_save

    from wagtail.models import Locale

    from library import importer
    from library.models import ProductPage

    written = []

    def pause(sender, instance, created, **kwargs):
        if created:
            written.append(instance.identifier)
            if len(written) == PAUSE_AFTER:
                Path(marker).write_text(",".join(written))
                time.sleep(600)  # until the test kills this process

    post_save.connect(pause, sender=ProductPage)
    rows = importer.read_rows(path, Path(path).read_bytes())
    importer.commit(rows, Locale.objects.get(language_code="vi"))
    Path(marker).write_text("finished")  # the test fails if it ever reads this


@pytest.mark.django_db
def test_a_worker_killed_mid_import_leaves_no_half_batch(seeded, tmp_path):
    from library.models import IdentifierSequence, ProductPage
    from tests.cms.test_sqlite_concurrency import subprocess_database_url

    source = tmp_path / "batch.csv"
    source.write_text(
        "title,product_type,published_on\n"
        + "".join(f"{title},video,2026-03-0{n}\n" for n, title in enumerate(TITLES, 1)),
        encoding="utf-8",
    )
    marker = tmp_path / "paused"
    sequence_before = list(IdentifierSequence.objects.values_list("prefix", "year", "last"))
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": subprocess_database_url(tmp_path),
    }
    worker = subprocess.Popen(
        [sys.executable, __file__, str(source), str(marker)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 240
    while not marker.exists() and worker.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert marker.exists(), (
        worker.stderr.read().decode()[-3000:] if worker.poll() is not None else "timed out"
    )
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)
    written = marker.read_text().split(",")
    assert len(written) == PAUSE_AFTER, "the worker was killed with three products written"

    if environment["DATABASE_URL"].startswith("sqlite"):
        import sqlite3

        copy = sqlite3.connect(environment["DATABASE_URL"].removeprefix("sqlite:///"))
        try:
            titles = {row[0] for row in copy.execute("SELECT title FROM wagtailcore_page")}
            sequence_after = list(copy.execute("SELECT prefix, year, last FROM library_identifiersequence"))
        finally:
            copy.close()
    else:  # the session's own test database: what every other connection sees
        titles = set(ProductPage.objects.values_list("title", flat=True))
        sequence_after = list(IdentifierSequence.objects.values_list("prefix", "year", "last"))
    assert not set(TITLES) & titles, "no product of the killed batch survives"
    assert sorted(sequence_after) == sorted(sequence_before), "no identifier was used up"


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    import_until_killed(*sys.argv[1:3])
