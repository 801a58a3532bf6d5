"""The Khmer translator finishes alone, in the Khmer admin (translations/workflow.py).

An editor's new article has been published. The translator `dichgia-km` signs in, finds it in the
Translations report, starts its Khmer translation, translates the title in wagtail-localize's
editor and submits it for review. A reviewer (Khmer admin too, with their authenticator code) is
told by e-mail, opens the translation from their dashboard, approves it, and it is published; the
translator is told by e-mail, in Khmer. Before that, an editor typing a Vietnamese title sees the
live slug field keep its letters (translations/slugs.py)."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group
from django.core import mail

from newsroom import roles

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TITLE = "Tập huấn kỹ năng viết về quyền của người cao tuổi"
KM_TITLE = "វគ្គបណ្ដុះបណ្ដាលជំនាញសរសេរអំពីសិទ្ធិមនុស្សចាស់"
#: Typed into a new article's title: Wagtail's autosave creates that article when the machine is
#: slow enough for its baseline to come first (tests/browser/autosave.py), so it is removed after.
TYPED_TITLE = "Tập huấn kỹ năng cho Đoàn viên"
PASSWORD = "a-long-test-password"


@pytest.fixture(scope="module")
def newsroom(django_db_blocker, django_db_setup):
    """A translator for Khmer, a reviewer with their authenticator app, an editor of Báo An Giang
    and the editor's published article, committed so the server thread sees them on PostgreSQL
    too; removed after the module."""
    from django.contrib.auth import get_user_model

    from wagtail.users.models import UserProfile

    from home.models import Organisation
    from news.models import ArticleIndexPage, ArticlePage
    from tests.accounts import authenticator

    User = get_user_model()
    with django_db_blocker.unblock():
        people = {
            "translator": User.objects.create_user("browser-dichgia-km", "dichgia@example.org", PASSWORD),
            "reviewer": User.objects.create_user("browser-duyet-km", "duyet@example.org", PASSWORD),
            "editor": User.objects.create_user("browser-bientap-2", "bientap2@example.org", PASSWORD),
        }
        people["translator"].groups.add(Group.objects.get(name=roles.TRANSLATOR_GROUPS["km"]))
        people["reviewer"].groups.add(Group.objects.get(name=roles.REVIEWERS))
        people["editor"].groups.add(Group.objects.get(name=f"{roles.EDITORS_PREFIX}Báo An Giang"))
        for user in people.values():
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "km"
            profile.save()
        people["reviewer"].authenticator = authenticator(people["reviewer"])
        newspaper = Organisation.objects.get(locale__language_code="vi", slug="bao-an-giang")
        section = ArticleIndexPage.objects.get(locale__language_code="vi", depth=3)
        article = ArticlePage(
            title=TITLE,
            standfirst="Phóng viên các cơ quan báo chí tham gia tập huấn.",
            body=[("paragraph", "<p>Lớp tập huấn kéo dài hai ngày.</p>")],
            organisation=newspaper,
        )
        section.add_child(instance=article)
        article.save_revision(user=people["editor"]).publish(user=people["reviewer"])
        people["article"] = ArticlePage.objects.get(pk=article.pk)
    yield people
    with django_db_blocker.unblock():
        for page in ArticlePage.objects.filter(translation_key=people["article"].translation_key):
            page.delete()
        for page in ArticlePage.objects.filter(title=TYPED_TITLE):
            page.delete()
        for key in ("translator", "reviewer", "editor"):
            people[key].delete()


def _sign_in(page, site, user, code=None):
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    if code is not None:
        page.wait_for_url("**/admin/two-factor/verify/**")
        page.fill("#id_token", code())
        page.keyboard.press("Enter")
    page.wait_for_url(f"{site.url}/admin/")


def test_the_live_slug_field_keeps_vietnamese_letters(page, site, newsroom):
    from news.models import ArticleIndexPage

    section = ArticleIndexPage.objects.get(locale__language_code="vi", depth=3)
    page.set_viewport_size({"width": 1280, "height": 900})
    _sign_in(page, site, newsroom["editor"])
    page.goto(f"{site.url}/admin/pages/add/news/articlepage/{section.pk}/")
    page.locator("#id_title").click()
    page.keyboard.type(TYPED_TITLE)
    page.keyboard.press("Tab")
    # Wagtail's slug script follows the title on every key-up, so under load the field passes
    # through the slugs of the title typed so far ("tap-huan-ky"): wait for the one of the whole
    # title, and say what the field held if it never comes.
    expect(page.locator("#id_slug")).to_have_value("tap-huan-ky-nang-cho-doan-vien", timeout=5000)


def test_the_translator_and_the_reviewer_finish_a_khmer_translation(
    page, browser, site, screenshot, newsroom
):
    from wagtail.models import Locale

    from news.models import ArticlePage
    from tests.accounts import current_code
    from translations.slugs import ascii_slug

    translator, reviewer, article = newsroom["translator"], newsroom["reviewer"], newsroom["article"]
    khmer = Locale.objects.get(language_code="km")
    page.set_viewport_size({"width": 1280, "height": 900})
    _sign_in(page, site, translator)
    assert page.locator("html").get_attribute("lang") == "km"

    # The Translations report: "Translate" into Khmer, the only language offered to them.
    page.goto(f"{site.url}/admin/translations/?q={article.title}")
    start = page.locator(f"a[data-translation-start][href*='/submit/page/{article.pk}/']")
    assert start.count() == 1 and start.get_attribute("data-translation-start") == "km"
    start.click()
    page.wait_for_url(f"**/localize/submit/page/{article.pk}/**")
    assert page.locator("input[name='locales']").count() == 1
    assert page.locator("input[name='locales']").is_checked()
    screenshot(page, "translator-start")
    with page.expect_navigation():
        page.locator("main form input[type='submit']").click()
    km_page = ArticlePage.objects.get(translation_key=article.translation_key, locale=khmer)
    page.wait_for_url(f"**/admin/pages/{km_page.pk}/edit/**")

    # wagtail-localize's editor, its heading in Khmer: the title, translated and saved.
    heading = page.locator(".js-translation-editor section > div > h3").first
    assert heading.inner_text() == "ការបកប្រែពី Tiếng Việt ទៅជា ភាសាខ្មែរ"
    title = page.locator(".js-translation-editor li", has=page.locator("p.title", has_text=TITLE)).first
    title.get_by_role("button").last.click()
    title.locator("textarea").fill(KM_TITLE)
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method == "PUT"
    ):
        title.get_by_role("button").last.click()
    screenshot(page, "translator-editor")

    # Submit for review: the reviewers are told.
    mail.outbox.clear()
    with page.expect_navigation():
        page.locator("[data-translation-submit]").click()
    screenshot(page, "translator-submitted")
    assert not re.search(r"[A-Za-z]{4,}", page.locator(".messages").inner_text()), "the message is in Khmer"
    km_page = ArticlePage.objects.get(pk=km_page.pk)
    assert km_page.workflow_in_progress and not km_page.live
    assert any(reviewer.email in message.to for message in mail.outbox), "the reviewers are told"

    # The reviewer: their dashboard lists it; they open it and approve.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    review = context.new_page()
    _sign_in(review, site, reviewer, code=lambda: current_code(reviewer.authenticator))
    assert KM_TITLE in review.locator("main").inner_text(), "waiting on the reviewer's dashboard"
    review.goto(f"{site.url}/admin/pages/{km_page.pk}/edit/")
    review_bar = review.locator("[data-translation-review]")
    approve = review_bar.locator("[data-workflow-action-url*='/approve/']:not([data-launch-modal])")
    mail.outbox.clear()
    with review.expect_navigation():
        approve.click()
    screenshot(review, "reviewer-approved")
    context.close()

    km_page = ArticlePage.objects.get(pk=km_page.pk)
    assert km_page.live and km_page.title == KM_TITLE
    assert article.slug == ascii_slug(TITLE), "the original's slug keeps its letters"
    assert km_page.slug == article.slug, "a Khmer title gives no ASCII slug: the original's is kept"
    told = [message for message in mail.outbox if translator.email in message.to]
    assert told, "the translator is told of the decision"
    assert KM_TITLE in told[0].subject + told[0].body
    assert not page.external_requests
