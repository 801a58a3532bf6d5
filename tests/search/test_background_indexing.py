"""With TASKS_BACKEND=database, publishing queues the search index update in the same transaction
and returns; the worker (manage.py db_worker) indexes the article outside the request."""

from unittest import mock

import pytest

from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from cms.settings import components
from tests.factories import news

pytestmark = pytest.mark.django_db
TITLE = "Hội nghị tập huấn xử lý đơn thư khiếu nại"


def _found():
    return TITLE in Client().get("/search/", {"q": "đơn thư khiếu nại"}, follow=True).content.decode()


def test_publishing_queues_the_index_update_for_the_worker(seeded):
    from django_tasks_db.models import DBTaskResult

    with override_settings(TASKS=components.tasks("database")):
        before = DBTaskResult.objects.count()
        news.article(title=TITLE)
        queued = DBTaskResult.objects.filter(status="READY").count()
        assert DBTaskResult.objects.count() > before and queued
        assert not _found(), "not indexed inside the request"

        # The real worker, inside the test's transaction: two of its housekeeping steps would end
        # that transaction (SQLite's BEGIN EXCLUSIVE lock on the queue, and closing the connection
        # between tasks as a request would), so here the lock is a savepoint and the connection stays.
        worker = "django_tasks_db.management.commands.db_worker"
        with (
            mock.patch(f"{worker}.exclusive_transaction", lambda using=None: transaction.atomic(using=using)),
            mock.patch(f"{worker}.close_old_connections", lambda: None),
        ):
            call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        assert not DBTaskResult.objects.filter(status="READY").exists()
        assert DBTaskResult.objects.filter(status="FAILED").count() == 0
    assert _found(), "indexed by the worker"


def test_an_unknown_backend_is_refused_at_start():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        components.tasks("celery")
