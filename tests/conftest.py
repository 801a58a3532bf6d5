"""Shared fixtures. The demo site is seeded once per test database and each test rolls back."""

import io

import pytest

from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def seeded(db):
    """The seeded demo site (for tests that only read it)."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture(scope="session")
def portal_server(django_db_setup, django_db_blocker):
    """The seeded demo site behind a real HTTP server, started once per test session.

    Unlike pytest-django's ``live_server`` this does not force transactional tests, whose flush
    would wipe the session's seed and cost a full re-seed per test. Tests that use it take the
    ``db`` mark: the server reads what the session committed (on SQLite it shares the in-memory
    connection, so it also sees the test's own uncommitted rows, which roll back afterwards).
    """
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a page cached in an earlier test shows data that the
    earlier test's rollback has since removed (no signal announces a rollback)."""
    from django.core.cache import cache

    from home import locale_cache
    from newsroom import roles

    cache.clear()
    locale_cache.forget()
    roles.forget()


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's signed-in superuser, with the session's two-factor code confirmed."""
    from tests.accounts import sign_in

    sign_in(client, admin_user)
    return client
