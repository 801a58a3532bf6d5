"""The planner settings a search uses on PostgreSQL stay inside the search.

``search.backends`` sets ``work_mem`` and, for a text match, turns sequential and plain index
scans off with ``SET LOCAL``. A search run inside a larger transaction (here the test's, in
production a management command's or ``ATOMIC_REQUESTS``) runs in a savepoint, and releasing a
savepoint keeps its ``SET LOCAL``: before the fix every statement after the first search in such
a transaction was planned without sequential scans, which made a 1 ms page query take 160 ms.
"""

import pytest

from django.db import connection, transaction

pytestmark = pytest.mark.django_db

SETTINGS = ("work_mem", "enable_seqscan", "enable_indexscan")


def current():
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"current_setting('{name}')" for name in SETTINGS))
        return dict(zip(SETTINGS, cursor.fetchone(), strict=True))


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the planner settings are PostgreSQL's")


@pytest.mark.parametrize(
    "path",
    [
        "/vi/search/?q=tre+em",
        "/vi/search/?q=tre+em&convention=crc",
        "/vi/search/suggest/?q=tre",
        "/vi/library/?q=tre+em",
    ],
)
def test_a_search_inside_a_transaction_leaves_its_settings_behind(postgresql, seeded, client, path):
    assert connection.in_atomic_block  # the test's transaction: the search is nested
    before = current()
    assert client.get(path).status_code == 200
    assert current() == before


def test_the_settings_apply_during_the_search_and_an_error_undoes_them(postgresql, seeded):
    from search.backends import get_index

    backend = get_index()
    before = current()
    with backend._cursor(text=True):
        assert current() == {**before, "work_mem": "32MB", "enable_seqscan": "off", "enable_indexscan": "off"}
    assert current() == before
    with pytest.raises(RuntimeError), backend._cursor(text=True):
        raise RuntimeError("a failed search statement")
    assert current() == before
    with transaction.atomic():  # deeper nesting is the same
        with backend._cursor(text=False):
            assert current()["work_mem"] == "32MB"
        assert current() == before
