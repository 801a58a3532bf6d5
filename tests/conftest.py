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
