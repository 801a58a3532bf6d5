"""Editor submits, reviewer requests changes with a comment, editor resubmits, reviewer approves:
published, everyone involved told by e-mail, every step in the audit log. Scheduled publishing
and unpublishing go through the same approval."""

from datetime import timedelta
from unittest import mock

import pytest

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry

from news.models import ArticlePage
from newsroom import roles
from tests.accounts import sign_in

from .conftest import NEWSPAPER, organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(seeded):
    return ArticlePage.objects.filter(
        organisation=organisation(NEWSPAPER), locale__language_code="vi"
    ).first()


def _submit(page, editor, title):
    page.title = title
    revision = page.save_revision(user=editor, log_action=True)
    state = page.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(editor)  # the editor's "Resubmit"
    else:
        page.get_workflow().start(page, editor)
    return revision


def _act(client, page, action, comment=""):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def test_submit_reject_resubmit_approve(client, people, article):
    editor, reviewer = people["editor"], people["reviewer"]
    assert article.get_workflow().name == roles.WORKFLOW_NAME

    _submit(article, editor, "Hội thi tìm hiểu quyền trẻ em (bản sửa)")
    assert any(reviewer.email in message.to for message in mail.outbox), "reviewers are told"
    mail.outbox.clear()

    # Editors cannot act on the task: only the reviewers' group can.
    sign_in(client, editor)
    _act(client, article, "approve")
    article.refresh_from_db()
    assert article.workflow_in_progress and article.title != "Hội thi tìm hiểu quyền trẻ em (bản sửa)"

    sign_in(client, reviewer)
    response = _act(client, article, "reject", "Thiếu nguồn trích dẫn.")
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.workflow_in_progress is False and article.current_workflow_state.status == "needs_changes"
    assert ArticlePage.objects.get(pk=article.pk).title != "Hội thi tìm hiểu quyền trẻ em (bản sửa)"
    assert any(editor.email in message.to for message in mail.outbox), "the editor is told"
    mail.outbox.clear()

    _submit(article, editor, "Hội thi tìm hiểu quyền trẻ em (bản sửa 2)")
    sign_in(client, reviewer)
    _act(client, article, "approve", "Đã kiểm tra.")
    article.refresh_from_db()
    assert article.live and article.title == "Hội thi tìm hiểu quyền trẻ em (bản sửa 2)"
    assert any(editor.email in message.to for message in mail.outbox)

    log = list(PageLogEntry.objects.filter(page=article).order_by("timestamp", "pk"))
    steps = [(entry.action, entry.user_id) for entry in log]
    for step in [
        ("wagtail.workflow.start", editor.pk),
        ("wagtail.workflow.reject", reviewer.pk),
        ("wagtail.workflow.approve", reviewer.pk),
        ("wagtail.publish", reviewer.pk),
    ]:
        assert step in steps, steps
    rejection = next(entry for entry in log if entry.action == "wagtail.workflow.reject")
    assert rejection.data["comment"] == "Thiếu nguồn trích dẫn."


def test_scheduled_publishing_and_unpublishing_after_approval(client, people, article):
    editor, reviewer = people["editor"], people["reviewer"]
    now = timezone.now()
    article.go_live_at, article.expire_at = now + timedelta(days=1), now + timedelta(days=3)
    _submit(article, editor, "Bài đăng theo lịch")
    sign_in(client, reviewer)
    _act(client, article, "approve")
    article.refresh_from_db()
    assert article.title != "Bài đăng theo lịch", "approved but not due yet"
    assert article.scheduled_revision is not None

    # The scheduler (cron: publish_scheduled every minute, docs/SECURITY.md) on the next days.
    with mock.patch("django.utils.timezone.now", return_value=now + timedelta(days=2)):
        call_command("publish_scheduled")
    article.refresh_from_db()
    assert article.live and article.title == "Bài đăng theo lịch"

    with mock.patch("django.utils.timezone.now", return_value=now + timedelta(days=4)):
        call_command("publish_scheduled")
    article.refresh_from_db()
    assert not article.live and article.expired
