"""Playwright driving Debian's Chromium (never a browser Playwright downloads itself)."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"CI needs Debian's chromium at {CHROMIUM} (apt-get install -y chromium)")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}: apt-get install -y chromium")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make around
    # it are ordinary synchronous calls.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield from _launch(sync_playwright)
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _launch(sync_playwright):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def site(portal_server, db):
    """The seeded demo site behind the session's HTTP server (see ``tests/conftest.py``)."""
    return portal_server


@pytest.fixture(scope="module")
def editor_account(django_db_blocker, django_db_setup):
    """An administrator the server thread can see: committed, and removed after the module. Their
    authenticator app is the one their invitation enrolled (``user.authenticator``)."""
    from django.contrib.auth import get_user_model

    from tests.accounts import authenticator

    with django_db_blocker.unblock():
        user = get_user_model().objects.create_superuser(
            "browser-editor", "editor@example.org", "a-long-test-password"
        )
        user.authenticator = authenticator(user)
    yield user
    with django_db_blocker.unblock():
        user.delete()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 412, "height": 915}, device_scale_factor=1)
    page = context.new_page()
    page.external_requests = []

    def record(request):
        if not request.url.startswith((site.url, "data:", "blob:")):
            page.external_requests.append(request.url)

    page.on("request", record)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    OUTPUT.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        path = OUTPUT / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
