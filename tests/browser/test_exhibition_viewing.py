"""The exhibition gallery and deep zoom, in Chromium: keyboard, screen-reader labels, reduced motion."""

import pytest

from exhibitions.models import ExhibitionItem

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

EXHIBITION = "/en/exhibitions/childhood-in-pictures/"


def test_gallery_dialog_works_with_the_keyboard_and_returns_focus(page, site, screenshot):
    page.goto(f"{site.url}{EXHIBITION}")
    links = page.locator(".exhibition-item__link")
    assert links.count() == 3  # the item without consent is not shown
    links.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog.lightbox[open]")
    dialog = page.get_by_role("dialog", name="Exhibition photographs")
    assert dialog.locator(".lightbox__position").inner_text() == "Image 1 of 3"
    assert "A bilingual class" in dialog.locator("figcaption").inner_text()
    assert page.evaluate("() => document.activeElement.textContent") == "Close"
    page.wait_for_function("() => document.querySelector('dialog.lightbox img').complete")
    screenshot(page, "en-exhibition-dialog-phone")
    page.keyboard.press("ArrowRight")
    assert dialog.locator(".lightbox__position").inner_text() == "Image 2 of 3"
    assert dialog.get_by_role("button", name="Next image").is_enabled()
    page.keyboard.press("ArrowRight")
    assert dialog.get_by_role("button", name="Next image").is_disabled()
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog.lightbox:not([open])", state="attached")
    # Focus moves in the dialog's "close" event, a task queued after the dialog closes.
    expected = links.nth(2).get_attribute("href")
    page.wait_for_function("href => document.activeElement.getAttribute('href') === href", arg=expected)
    assert page.external_requests == []


def test_no_motion_for_readers_who_prefer_less(browser, site):
    context = browser.new_context(viewport={"width": 412, "height": 915}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{site.url}{EXHIBITION}")
    page.locator(".exhibition-item__link").first.click()
    page.wait_for_selector("dialog.lightbox[open]")
    assert (
        page.evaluate("() => getComputedStyle(document.querySelector('dialog.lightbox')).animationName")
        == "none"
    )
    context.close()


def test_deep_zoom_loads_iiif_tiles_from_the_site(page, site, screenshot):
    item = ExhibitionItem.objects.get(locale__language_code="km", title="សេចក្ដីសម្រេចផ្ដល់សច្ចាប័នឆ្នាំ ១៩៩០")
    tiles = []
    page.on(
        "response",
        lambda response: (
            tiles.append(response.status) if "/iiif/3/" in response.url and ".jpg" in response.url else None
        ),
    )
    refused = []  # what the Content-Security-Policy blocked (Chromium reports it on the console)
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.goto(f"{site.url}/km/exhibitions/childhood-in-pictures/items/{item.translation_key}/")
    assert page.get_by_role("heading", level=1).inner_text() == item.title
    page.locator("[data-deepzoom-open]").click()
    stage = page.locator(".deepzoom__stage")
    stage.wait_for()
    assert page.evaluate("() => document.activeElement.classList.contains('deepzoom__stage')")
    page.wait_for_function("() => document.querySelector('.deepzoom__stage canvas')")
    page.wait_for_timeout(500)
    page.get_by_role("button", name="ពង្រីក", exact=True).click()  # zoom in, in Khmer
    page.wait_for_timeout(500)
    assert tiles and set(tiles) == {200}
    screenshot(page, "km-exhibition-deep-zoom-phone")
    assert page.external_requests == []
    assert refused == []
