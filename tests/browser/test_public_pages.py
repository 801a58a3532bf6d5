"""End to end in headless Chromium: fonts, keyboard, language switching, phones, the admin."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

FACE_STATUS = """() => document.fonts.ready.then(() =>
    Object.fromEntries([...document.fonts].map(f => [f.family.replaceAll('"', '') + ' ' + f.style +
        ' ' + f.unicodeRange.slice(0, 12), f.status])))"""


def _families(statuses, family):
    return {status for name, status in statuses.items() if name.startswith(family)}


def test_khmer_page_uses_the_khmer_font_and_vietnamese_page_does_not_fetch_it(
    browser, page, site, screenshot
):
    page.goto(f"{site.url}/km/about/")
    statuses = page.evaluate(FACE_STATUS)
    assert "loaded" in _families(statuses, "Site Khmer normal")
    assert page.evaluate("""() => document.fonts.check('18px "Site Khmer"', 'សិទ្ធិមនុស្ស')""")
    body_font = page.evaluate("() => getComputedStyle(document.querySelector('main h1')).fontFamily")
    assert body_font.startswith('"Site Khmer"')
    screenshot(page, "km-about-phone")
    for path, name in (
        ("/km/news/quiz-on-childrens-rights/", "km-article-phone"),
        ("/km/library/", "km-library-phone"),
        ("/km/exhibitions/childhood-in-pictures/", "km-exhibition-phone"),
    ):
        page.goto(f"{site.url}{path}")
        page.evaluate("() => document.fonts.ready")
        assert page.evaluate("""() => document.fonts.check('18px "Site Khmer"', 'សិទ្ធិ')""")
        screenshot(page, name)

    assert page.external_requests == []

    context = browser.new_context(viewport={"width": 412, "height": 915})
    page = context.new_page()
    fonts = []
    page.on("request", lambda request: fonts.append(request.url) if ".woff2" in request.url else None)
    page.goto(f"{site.url}/vi/gioi-thieu/")
    statuses = page.evaluate(FACE_STATUS)
    assert _families(statuses, "Site Khmer normal") == {"unloaded"}
    assert _families(statuses, "Site Khmer Label") == {"loaded"}
    assert "loaded" in _families(statuses, "Site Sans")
    assert not [url for url in fonts if "noto-sans-khmer-khmer" in url]
    screenshot(page, "vi-about-phone")
    context.close()


def test_keyboard_reaches_the_skip_link_first_and_it_moves_focus_to_main(page, site):
    page.goto(f"{site.url}/vi/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.innerText]")
    assert focused == ["skip-link", "Chuyển đến nội dung chính"]
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'main'", timeout=2000)


def test_language_switcher_goes_to_the_translation(page, site):
    page.goto(f"{site.url}/vi/gioi-thieu/")
    page.get_by_role("navigation", name="Chọn ngôn ngữ").get_by_role("link", name="English").click()
    page.wait_for_url(f"{site.url}/en/about/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="ភាសាខ្មែរ").click()
    page.wait_for_url(f"{site.url}/km/about/")
    assert page.get_by_role("heading", level=1).inner_text() == "អំពីវិបផតថល"


@pytest.mark.parametrize("path", ["/vi/", "/km/about/", "/en/contact/", "/km/search/?q=x", "/vi/khong-co/"])
def test_no_horizontal_scrolling_on_a_small_phone(browser, site, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{site.url}{path}")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_editor_logs_in_and_sees_the_three_language_trees(page, site, screenshot, editor_account):
    from tests.accounts import current_code

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", editor_account.username)
    page.fill("#id_password", "a-long-test-password")
    page.keyboard.press("Enter")
    # Administrators confirm each sign-in with the code their authenticator app shows.
    page.wait_for_url("**/admin/two-factor/verify/**")
    page.fill("#id_token", current_code(editor_account.authenticator))
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site.url}/admin/")
    page.goto(f"{site.url}/admin/pages/")
    text = page.locator("main").inner_text()
    for title in ("Cổng thông tin truyền thông về quyền con người", "Human rights communication portal"):
        assert title in text
    screenshot(page, "admin-pages")


def test_reader_filters_news_with_the_keyboard_on_a_phone(page, site, screenshot):
    page.goto(f"{site.url}/km/news/")
    page.get_by_label("អនុសញ្ញា").select_option("crc")
    page.get_by_label("ឆ្នាំ").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/km/news/?convention=crc**")
    cards = page.locator(".article-card__title").all_inner_texts()
    assert cards and all(card for card in cards)
    screenshot(page, "km-news-filtered-phone")
    page.locator(".article-card__title a").first.click()
    page.wait_for_load_state()
    assert page.locator('script[type="application/ld+json"]').count() == 1
    screenshot(page, "km-article-phone")


@pytest.mark.parametrize("language", ["vi", "km"])
def test_chart_labels_and_bars_are_legible_on_a_small_phone(browser, site, language):
    """At 320 px the charts' labels stay at least 12 px (a chart drawn at 640 units and scaled down
    made them 5 px) and every bar is drawn (a locale-formatted width draws none)."""
    from home.models import ProvinceIndexPage

    index = ProvinceIndexPage.objects.get(locale__language_code=language)
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{site.url}{index.url}an-giang/figures/")
    sizes = page.eval_on_selector_all(
        ".chart__label, .chart__value", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    widths = page.eval_on_selector_all(".chart__bar rect", "els => els.map(e => e.getBBox().width)")
    context.close()
    assert sizes and min(sizes) >= 12
    assert widths and max(widths) > 100
