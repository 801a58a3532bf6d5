"""Translators finish alone (translations/workflow.py): the Khmer translator starts the Khmer
translation of a published article, translates it, submits it for review; the reviewers are told in
their language, a reviewer publishes it, and the translator is told of the decision in theirs. The
Translations report shows each role only the actions that work for them, and a translator acting
outside their language gets a refusal that says why, in their language, with a way back."""

import json
import re

import polib
import pytest

from django.core import mail
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from news.models import ArticleIndexPage, ArticlePage
from tests.accounts import sign_in
from tests.newsroom.conftest import NEWSPAPER, organisation, people  # noqa: F401 (fixture)
from translations import workflow

from .admin_english import EnglishDetector

pytestmark = pytest.mark.django_db

KM_TITLE = "វគ្គបណ្ដុះបណ្ដាលជំនាញសរសេរអំពីសិទ្ធិជនពិការ"
TITLE = "Tập huấn kỹ năng viết về quyền của người khuyết tật"


def admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def _article(title, people, *, publish=True):  # noqa: F811
    section = ArticleIndexPage.objects.get(locale__language_code="vi", depth=3)
    page = ArticlePage(
        title=title,
        standfirst="Phóng viên các cơ quan báo chí tham gia tập huấn.",
        body=[("paragraph", "<p>Lớp tập huấn kéo dài hai ngày.</p>")],
        organisation=organisation(NEWSPAPER),
        live=publish,
    )
    section.add_child(instance=page)
    revision = page.save_revision(user=people["editor"], log_action=True)
    if publish:
        revision.publish(user=people["reviewer"])
    return ArticlePage.objects.get(pk=page.pk)


def _khmer():
    return Locale.objects.get(language_code="km")


def _start(client, translator, article):
    url = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    return client.post(url, {"locales": [_khmer().pk]})


def _translate_title(article, value, user):
    """What the translation editor saves when the translator types the title's translation."""
    km_translation = Translation.objects.get(
        source__object_id=article.translation_key, target_locale=_khmer()
    )
    segment = StringSegment.objects.get(source=km_translation.source, context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale=_khmer(),
        context_id=segment.context_id,
        defaults={
            "data": value,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "last_translated_by": user,
        },
    )
    return km_translation


@pytest.fixture
def khmer_translator(people):  # noqa: F811
    translator = people["translator"]
    admin_language(translator, "km")
    return translator


def test_translator_starts_the_khmer_translation_of_a_published_article(client, people, khmer_translator):  # noqa: F811
    article = _article(TITLE, people)
    sign_in(client, khmer_translator)
    form = client.get(reverse("wagtail_localize:submit_page_translation", args=[article.pk]))
    assert form.status_code == 200
    offered = form.context["form"].fields["locales"].queryset
    assert list(offered.values_list("language_code", flat=True)) == ["km"], "only their own language"
    assert form.context["form"].fields["include_subtree"].disabled

    response = _start(client, khmer_translator, article)
    km_page = article.get_translation(_khmer())
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[km_page.pk]
    )
    assert not km_page.live, "a translator's translation is a draft until reviewed"
    editor = client.get(response["Location"])
    assert editor.status_code == 200
    assert b"js-translation-editor" in editor.content, "wagtail-localize's translation editor"
    assert b"data-translation-submit" in editor.content, "with a way to submit it for review"
    props = json.loads(
        re.search(rb'data-props="([^"]+)"', editor.content).group(1).decode().replace("&quot;", '"')
    )
    assert props["links"]["convertToAliasUrl"] is None, "converting to an alias would publish"
    assert props["perms"]["canPublish"] is False


def test_translator_translates_from_the_published_text_never_a_draft(client, people, khmer_translator):  # noqa: F811
    article = _article(TITLE, people)
    article.title = "Bản nháp chưa duyệt"
    article.save_revision(user=people["editor"])
    sign_in(client, khmer_translator)
    _start(client, khmer_translator, article)
    source = Translation.objects.get(source__object_id=article.translation_key, target_locale=_khmer()).source
    title = StringSegment.objects.get(source=source, context__path="title").string.data
    assert title == TITLE


def test_a_translator_outside_their_language_is_refused_in_their_language(client, people, khmer_translator):  # noqa: F811
    article = _article(TITLE, people)
    sign_in(client, khmer_translator)
    # Another language, asked for by hand: the form offers only Khmer.
    url = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    response = client.post(url, {"locales": [Locale.objects.get(language_code="en").pk]})
    assert response.status_code == 200 and response.context["form"].errors
    assert article.get_translation_or_none(Locale.objects.get(language_code="en")) is None
    # The English file of the same article.
    export = reverse("translations_export", args=[article.pk]) + "?language=en&file_format=po"
    refused = client.get(export)
    assert refused.status_code == 403
    content = refused.content.decode()
    with translation.override("km"):
        assert "ភាសាខ្មែរ" in content and reverse("translations_report") in content
    assert not EnglishDetector("km").findings("refusal", content)


def test_unpublished_originals_are_not_there_for_translators(client, people, khmer_translator):  # noqa: F811
    draft = _article("Bài chưa xuất bản", people, publish=False)
    sign_in(client, khmer_translator)
    assert client.get(reverse("wagtail_localize:submit_page_translation", args=[draft.pk])).status_code == 404
    assert client.get(
        reverse("translations_export", args=[draft.pk]) + "?language=km&file_format=po"
    ).status_code in (403, 404)


def test_another_organisations_editor_gets_a_reason_not_a_bare_denial(client, people):  # noqa: F811
    article = _article(TITLE, people)
    other = people["other editor"]
    admin_language(other, "vi")
    sign_in(client, other)
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[article.pk]))
    assert response.status_code == 403
    assert "Bạn không được dịch" in response.content.decode()


def test_every_action_in_the_translations_report_works_for_whoever_sees_it(client, people):  # noqa: F811
    article = _article(TITLE, people)
    shown = {}
    for role in ("editor", "other editor", "reviewer", "translator", "administrator"):
        user = people[role]
        sign_in(client, user)
        report = client.get(reverse("translations_report") + "?q=" + "Tập huấn kỹ năng")
        assert report.status_code == 200, role
        content = report.content.decode()
        links = re.findall(r'<a href="([^"]+)"[^>]*data-translation-(?:start|edit)="(\w+)"', content)
        links += [
            (url.replace("&amp;", "&"), "")
            for url in re.findall(r'href="(/admin/translations/export/\d+/[^"]+)"', content)
        ]
        for url, _code in links:
            assert client.get(url).status_code == 200, (role, url)
        shown[role] = {code for url, code in links if code and f"/{article.pk}/" in url}
        if role == "translator":
            codes = set(re.findall(r'data-translation-(?:start|edit)="(\w+)"', content))
            assert codes == {"km"}, codes
            assert "language=en" not in content
    # The new article has no translation yet: who may start one sees "Translate".
    assert shown == {
        "editor": {"en", "km"},
        "other editor": set(),
        "reviewer": {"en", "km"},
        "translator": {"km"},
        "administrator": {"en", "km"},
    }


def test_submitting_tells_the_reviewers_and_keeps_the_public_page(client, people, khmer_translator):  # noqa: F811
    reviewer = people["reviewer"]
    admin_language(reviewer, "vi")
    article = _article(TITLE, people)
    sign_in(client, khmer_translator)
    _start(client, khmer_translator, article)
    km_page = article.get_translation(_khmer())
    _translate_title(article, KM_TITLE, khmer_translator)
    mail.outbox.clear()
    response = client.post(reverse("translations_submit_for_review", args=[km_page.pk]))
    assert response.status_code == 302
    km_page.refresh_from_db()
    state = km_page.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == khmer_translator
    assert state.current_task_state.revision.as_object().title == KM_TITLE
    assert not km_page.live
    told = [message for message in mail.outbox if reviewer.email in message.to]
    assert told, "the reviewers are told"
    assert not EnglishDetector("vi").findings("e-mail", told[0].subject + "\n" + told[0].body, "text/plain")
    # The review bar shows it waiting; the reviewer sees the decisions, not "Publish".
    sign_in(client, reviewer)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[km_page.pk]))
    assert b"data-workflow-action-url" in editor.content
    props = json.loads(
        re.search(rb'data-props="([^"]+)"', editor.content).group(1).decode().replace("&quot;", '"')
    )
    assert props["perms"]["canPublish"] is False


def test_a_published_translation_stays_as_published_while_its_update_is_reviewed(client, khmer_translator):
    article = ArticlePage.objects.filter(
        organisation=organisation(NEWSPAPER), locale__language_code="vi", live=True
    ).first()
    km_page = article.get_translation(_khmer())
    assert km_page.live
    published_title = km_page.title
    _translate_title(article, "ចំណងជើងថ្មីដែលមិនទាន់ត្រួតពិនិត្យ", khmer_translator)
    sign_in(client, khmer_translator)
    client.post(reverse("translations_submit_for_review", args=[km_page.pk]))
    km_page.refresh_from_db()
    assert km_page.workflow_in_progress
    assert km_page.title == published_title, "the public still sees what was last published"


@pytest.mark.parametrize("language", ["km", "vi"])
def test_the_reviewer_publishes_and_the_translator_is_told_in_their_language(client, people, language):  # noqa: F811
    translator, reviewer = people["translator"], people["reviewer"]
    admin_language(translator, language)
    admin_language(reviewer, "vi" if language == "km" else "km")
    article = _article(TITLE, people)
    sign_in(client, translator)
    _start(client, translator, article)
    km_page = article.get_translation(_khmer())
    _translate_title(article, KM_TITLE, translator)
    client.post(reverse("translations_submit_for_review", args=[km_page.pk]))
    km_page.refresh_from_db()
    task_state = km_page.current_workflow_state.current_task_state
    # The reviewer corrects a word in the translation editor, then approves.
    corrected = KM_TITLE + " ២០២៦"
    _translate_title(article, corrected, reviewer)
    mail.outbox.clear()
    sign_in(client, reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[km_page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    km_page = ArticlePage.objects.get(pk=km_page.pk)
    assert km_page.live and km_page.title == corrected, "published as the editor showed it"
    told = [message for message in mail.outbox if translator.email in message.to]
    assert told, "the translator is told"
    assert not EnglishDetector(language).findings(
        "e-mail", told[0].subject + "\n" + told[0].body, "text/plain"
    )
    assert KM_TITLE in told[0].subject + told[0].body


def test_changes_requested_reach_the_translator_who_resubmits(client, people, khmer_translator):  # noqa: F811
    reviewer = people["reviewer"]
    article = _article(TITLE, people)
    sign_in(client, khmer_translator)
    _start(client, khmer_translator, article)
    km_page = article.get_translation(_khmer())
    _translate_title(article, KM_TITLE, khmer_translator)
    client.post(reverse("translations_submit_for_review", args=[km_page.pk]))
    km_page.refresh_from_db()
    task_state = km_page.current_workflow_state.current_task_state
    mail.outbox.clear()
    sign_in(client, reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[km_page.pk, "reject", task_state.pk])
    client.post(url, {"comment": "សូមពិនិត្យពាក្យ ជនពិការ"})
    told = [message for message in mail.outbox if khmer_translator.email in message.to]
    assert told and "សូមពិនិត្យពាក្យ" in told[0].body
    assert not EnglishDetector("km").findings("e-mail", told[0].subject + "\n" + told[0].body, "text/plain")
    assert not ArticlePage.objects.get(pk=km_page.pk).live

    sign_in(client, khmer_translator)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[km_page.pk])).content.decode()
    assert "សូមពិនិត្យពាក្យ" in editor and "data-translation-submit" in editor
    client.post(reverse("translations_submit_for_review", args=[km_page.pk]))
    km_page = ArticlePage.objects.get(pk=km_page.pk)
    assert km_page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_translators_may_not_publish_through_alias_conversion_or_sync(client, people, khmer_translator):  # noqa: F811
    article = _article(TITLE, people)
    sign_in(client, khmer_translator)
    _start(client, khmer_translator, article)
    km_page = article.get_translation(_khmer())
    convert = reverse("wagtail_localize:convert_to_alias", args=[km_page.pk])
    assert client.post(convert).status_code == 403
    assert ArticlePage.objects.get(pk=km_page.pk).alias_of_id is None and not km_page.live
    # An editor's "Sync translated pages" may not publish the translations either.
    editor = people["editor"]
    sign_in(client, editor)
    source = Translation.objects.get(source__object_id=article.translation_key, target_locale=_khmer()).source
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(sync, {"publish_translations": "on"}).status_code == 403
    assert not ArticlePage.objects.get(pk=km_page.pk).live


def test_the_rule_in_one_place(people):  # noqa: F811
    """may_start / may_translate, for each role, on a published article of the newspaper."""
    article = _article(TITLE, people)
    km, en = _khmer(), Locale.objects.get(language_code="en")
    expected = {
        "translator": (True, False),
        "editor": (True, True),
        "other editor": (False, False),
        "reviewer": (True, True),
        "administrator": (True, True),
        "signed-in reader": (False, False),
    }
    actual = {
        role: (workflow.may_start(people[role], article, km), workflow.may_start(people[role], article, en))
        for role in expected
    }
    assert actual == expected


def test_workflow_strings_are_catalogued():
    """The refusals and the review bar in every language (no entry left to translate)."""
    from django.conf import settings

    for language in ("vi", "km", "en"):
        po = polib.pofile(f"{settings.BASE_DIR}/translations/locale/{language}/LC_MESSAGES/django.po")
        ids = {entry.msgid for entry in po if entry.translated()}
        for msgid in (
            "Submit for review",
            "Resubmit for review",
            "Not possible",
            "Back to the Translations report",
        ):
            assert msgid in ids, (language, msgid)
