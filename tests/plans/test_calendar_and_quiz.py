"""The public calendar with its iCalendar feed, and quizzes in vi/en/km with consent."""

import io
from datetime import date, time, timedelta

import icalendar
import pytest

from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plans.models import Event, QuizResponse
from tests.accounts import sign_in
from tests.factories import plans as factories

pytestmark = pytest.mark.django_db

CALENDARS = {"vi": "/vi/lich-su-kien/", "en": "/en/events/", "km": "/km/events/"}


def demo_plan():
    return factories.Plan.objects.get(locale__language_code="vi", number="355/KH-UBND")


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("vi", "Hưởng ứng Ngày Nhân quyền thế giới (10/12)"),
        ("en", "Human Rights Day (10 December)"),
        ("km", "ទិវាសិទ្ធិមនុស្សអន្តរជាតិ (១០ ធ្នូ)"),
    ],
)
def test_the_calendar_shows_human_rights_day_in_each_language(client, seeded, language, title):
    response = client.get(CALENDARS[language])
    assert response.status_code == 200
    html = response.content.decode()
    assert title in html and 'type="text/calendar"' in html


def test_unpublished_events_stay_off_the_calendar_and_feed(client, seeded):
    plan = demo_plan()
    hidden = factories.event(plan, plan.coordinator, date(2026, 10, 1), title="Họp nội bộ", published=False)
    assert hidden.title not in client.get(CALENDARS["vi"]).content.decode()
    assert hidden.title not in client.get(CALENDARS["vi"] + "ics/").content.decode()


def test_the_feed_is_valid_icalendar(client, seeded):
    plan = demo_plan()
    long_title = "Hội thảo " + "quyền con người, trẻ em; phụ nữ " * 6
    factories.event(plan, plan.coordinator, date(2026, 9, 1), title=long_title, ends_on=date(2026, 9, 2))
    feeds = {}
    for language, path in CALENDARS.items():
        response = client.get(path + "ics/")
        assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
        body = response.content
        assert body.endswith(b"\r\n") and b"\n" not in body.replace(b"\r\n", b"")
        assert all(len(line) <= 75 for line in body.split(b"\r\n"))  # folded (RFC 5545 3.1)
        feeds[language] = icalendar.Calendar.from_ical(body)
    events = {str(e["SUMMARY"]): e for e in feeds["vi"].walk("VEVENT")}
    assert long_title in events  # unfolded and unescaped back to the title
    day = events["Hưởng ứng Ngày Nhân quyền thế giới (10/12)"]
    start = day.decoded("DTSTART")
    assert start.astimezone(timezone.get_current_timezone()).time() == time(7, 30)
    multi = events[long_title]
    assert multi.decoded("DTSTART") == date(2026, 9, 1) and multi.decoded("DTEND") == date(2026, 9, 3)
    assert feeds["vi"]["VERSION"] == "2.0" and "PRODID" in feeds["vi"]
    uids = {lang: {str(e["UID"]) for e in feed.walk("VEVENT")} for lang, feed in feeds.items()}
    assert uids["vi"] >= uids["km"] and uids["km"]  # one event, one UID, in every language


def test_calendar_within_the_query_budget(seeded):
    with override_settings(PAGE_CACHE_ENABLED=False):
        Client().get(CALENDARS["vi"])
        with CaptureQueriesContext(connection) as queries:
            assert Client().get(CALENDARS["vi"]).status_code == 200
    assert len(queries) <= 15


@pytest.fixture
def quiz(seeded):
    plan = demo_plan()
    organiser = plan.coordinator
    return factories.quiz(organiser=organiser, plan=plan, ask_name=True), organiser


def answers(**extra):
    return {"q1": "1", "q2": "3", "consent": "on", **extra}


def test_quiz_answers_are_recorded_with_consent(client, quiz):
    page, _organiser = quiz
    response = client.post(page.url, answers(name="Nguyễn Văn A", contact="0900000000", commune="Long Xuyên"))
    assert response.status_code == 200 and "1" in response.content.decode()
    row = QuizResponse.objects.get(quiz_key=page.translation_key)
    assert (row.score, row.out_of, row.answers, row.name) == (1, 2, [1, 3], "Nguyễn Văn A")
    assert row.contact == "" and row.commune == ""  # not asked, so not kept
    assert row.consent and row.delete_after == timezone.localdate() + timedelta(days=30)
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"q1": "1", "q2": "2", "name": "A"}, "Đánh dấu vào ô để đồng ý"),
        ({"q1": "1", "consent": "on", "name": "A"}, "Chọn một câu trả lời cho câu hỏi này."),
        ({"q1": "9", "q2": "2", "consent": "on", "name": "A"}, "Hãy chọn một lựa chọn hợp lệ."),
    ],
)
def test_quiz_bad_input_is_a_form_error_and_nothing_is_kept(client, quiz, data, message):
    page, _organiser = quiz
    response = client.post(page.url, data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not QuizResponse.objects.filter(quiz_key=page.translation_key).exists()


def test_quiz_in_english_and_khmer_interface(client, quiz):
    page, _organiser = quiz
    for language, phrase in (("en", "I agree that my answers are recorded"), ("km", "ខ្ញុំយល់ព្រម")):
        from translations.localize import TranslationMemory, translate

        target, _missing = translate(
            page, factories.Locale.objects.get(language_code=language), TranslationMemory()
        )
        response = client.get(target.url)
        assert response.status_code == 200 and phrase in response.content.decode()


def test_a_closed_quiz_takes_no_answers(client, seeded):
    page = factories.quiz(closes_on=date(2020, 1, 1))
    response = client.post(page.url, answers())
    assert "not open" in response.content.decode() or "không mở" in response.content.decode()
    assert not QuizResponse.objects.filter(quiz_key=page.translation_key).exists()


def test_results_go_to_the_organiser_only(client, quiz):
    page, organiser = quiz
    client.post(page.url, answers(name="Trần Thị B"))
    sign_in(client, factories.editor_of(organiser))
    results = client.get(f"/admin/plans/quizzes/{page.pk}/answers/")
    assert results.status_code == 200 and "Trần Thị B" in results.content.decode()
    csv_text = client.get(f"/admin/plans/quizzes/{page.pk}/answers/", {"format": "csv"}).content.decode(
        "utf-8-sig"
    )
    assert "Trần Thị B" in csv_text
    client.logout()
    sign_in(client, factories.editor_of(factories.organisation()))
    assert client.get(f"/admin/plans/quizzes/{page.pk}/answers/").status_code in (302, 403)


def test_answers_are_deleted_after_the_retention_period(client, quiz):
    page, _organiser = quiz
    client.post(page.url, answers(name="C"))
    QuizResponse.objects.filter(quiz_key=page.translation_key).update(delete_after=date(2020, 1, 1))
    client.post(page.url, answers(name="D"))
    call_command("purge_quiz_responses", stdout=io.StringIO())
    assert list(
        QuizResponse.objects.filter(quiz_key=page.translation_key).values_list("name", flat=True)
    ) == ["D"]


def test_events_on_one_day_and_timed_events_in_the_feed_lines():
    from plans import ical

    assert ical.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = ical.fold("SUMMARY:" + "ệ" * 60)
    assert all(len(line.encode()) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "ệ" * 60
    assert Event.Kind.HUMAN_RIGHTS_DAY == "human-rights-day"
