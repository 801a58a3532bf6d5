"""An editor at a newspaper writes an article in the real admin and submits it for review; the
reviewers are e-mailed and the draft waits for them, unpublished. A new reviewer accepts their
invitation (choosing a password and enrolling an authenticator app in the real forms) and finds
the article waiting for them."""

import pytest

from django.contrib.auth.models import Group
from django.core import mail

from newsroom import roles

from . import autosave

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
TITLE = "Tập huấn kỹ năng viết về quyền của người khuyết tật"
PASSWORD = "a-long-test-password"
REVIEWER_PASSWORD = "mat-khau-nguoi-duyet-2026"


@pytest.fixture(scope="module")
def newsroom_people(django_db_blocker, django_db_setup):
    """An editor of Báo An Giang and a reviewer, committed (outside any test's transaction) so the
    server thread sees them on PostgreSQL too; removed with what they wrote after the module."""
    from django.contrib.auth import get_user_model

    from news.models import ArticlePage

    User = get_user_model()
    with django_db_blocker.unblock():
        editor = User.objects.create_user("browser-bientap", "bientap@example.org", PASSWORD)
        editor.groups.add(Group.objects.get(name=f"{roles.EDITORS_PREFIX}Báo An Giang"))
        reviewer = User.objects.create_user("browser-kiemduyet", "kiemduyet@example.org")
        reviewer.set_unusable_password()  # as an administrator creates it: invited, no password
        reviewer.save()
        reviewer.groups.add(Group.objects.get(name=roles.REVIEWERS))
    yield editor, reviewer
    with django_db_blocker.unblock():
        for page in ArticlePage.objects.filter(title=TITLE):
            page.delete()
        editor.delete()
        reviewer.delete()


def test_editor_writes_and_submits_an_article_for_review(page, site, screenshot, newsroom_people):
    from news.models import ArticleIndexPage, ArticlePage

    editor, reviewer = newsroom_people
    section = ArticleIndexPage.objects.get(locale__language_code="vi", depth=3)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site.url}/admin/")  # editors have no second factor to enter

    autosave.watch(page)
    page.goto(f"{site.url}/admin/pages/add/news/articlepage/{section.pk}/")
    autosave.wait_until_watching(page)
    page.fill("#id_title", TITLE)
    page.fill("#id_standfirst", "Phóng viên các cơ quan báo chí trong tỉnh tham gia tập huấn.")
    page.locator("[data-contentpath='body'] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Paragraph").click()
    page.locator("[data-contentpath='body'] .public-DraftEditor-content").first.click()
    page.keyboard.type("Lớp tập huấn kéo dài hai ngày.")
    # Draftail copies what was typed into the form's hidden input after a pause (its 250 ms
    # stateSaveInterval): until it has, a submitted form has an empty paragraph ("This field is
    # required"). Waiting for "networkidle" did not wait: that state was reached before typing.
    page.wait_for_function(
        "text => document.querySelector(\"input[name='body-0-value']\").value.includes(text)",
        arg="kéo dài hai ngày",
    )
    # Wagtail 8 autosaves drafts as the editor types, and its first save creates the page: wait
    # until what was typed is saved and no autosave is in flight (tests/browser/autosave.py).
    autosave.wait_until_settled(page, "body-0-value", "kéo dài hai ngày")
    page.wait_for_url("**/admin/pages/*/edit/")
    # Submitting is in the footer's action menu, next to "Save draft".
    page.locator("footer .w-dropdown__toggle").click()
    with page.expect_navigation():  # the edit page's own URL already matches "/admin/pages/"
        page.locator("button[name='action-submit']").click()
    page.wait_for_url("**/admin/pages/**")
    screenshot(page, "editor-submitted")

    errors = page.locator(".error-message").all_inner_texts()
    assert ArticlePage.objects.filter(title=TITLE).count() == 1, f"not saved once: {errors}"
    article = ArticlePage.objects.get(title=TITLE)
    assert not article.live, "an editor's article waits for a reviewer"
    assert article.workflow_in_progress
    assert article.organisation.slug == "bao-an-giang", "filled in with the editor's organisation"
    assert any(reviewer.email in message.to for message in mail.outbox), "the reviewers are told"

    # The new reviewer follows their invitation: a password, then the app enrolled by its key.
    from newsroom import invitations
    from tests.accounts import current_code

    page.context.clear_cookies()
    page.goto(f"{site.url}{invitations.invitation_path(reviewer)}")
    page.wait_for_url("**/set-password/")
    page.fill("#id_password1", REVIEWER_PASSWORD)
    page.fill("#id_password2", REVIEWER_PASSWORD)
    secret = page.locator(".newsroom-secret").inner_text()
    page.fill("#id_token", current_code(secret))
    screenshot(page, "reviewer-invitation")
    with page.expect_navigation():
        page.locator("main button[type='submit']").click()
    page.wait_for_url(f"{site.url}/admin/")
    screenshot(page, "reviewer-invited")
    assert TITLE in page.locator("main").inner_text(), "the article waits on the reviewer's dashboard"
    reviewer.refresh_from_db()
    assert reviewer.check_password(REVIEWER_PASSWORD)
