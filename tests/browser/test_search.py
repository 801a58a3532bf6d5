"""Search in Chromium: suggestions as the reader types, chosen with the keyboard."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_autocomplete_is_a_keyboard_combobox(page, site, screenshot):
    page.goto(f"{site.url}/vi/search/")
    box = page.get_by_role("combobox", name="Tìm", exact=True)
    box.focus()
    page.keyboard.type("quyen tr", delay=30)
    # The answer for what was typed (on a slow machine an earlier prefix may be answered first).
    page.wait_for_selector('#id_q-suggestions[data-query="quyen tr"] li[role=option]')
    assert box.get_attribute("aria-expanded") == "true"
    options = page.locator("#id_q-suggestions li[role=option]")
    first_title = options.first.locator("span").first.inner_text()
    screenshot(page, "vi-search-autocomplete-phone")
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "id_q-suggestions-0"
    with page.expect_navigation():  # waiting for "load" alone could still see the search page
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).first.inner_text() == first_title
    assert page.external_requests == []


def test_results_page_on_a_phone(page, site, screenshot):
    page.goto(f"{site.url}/km/search/?q=កុមារ")
    assert page.locator(".result mark").count() > 0
    screenshot(page, "km-search-results-phone")
