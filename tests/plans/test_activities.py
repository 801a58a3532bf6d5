"""Activities recorded by the agencies' editors, with the issue's bad-input rules as form errors."""

from datetime import date

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from plans.models import Attendance, Training
from tests.accounts import sign_in
from tests.factories import library
from tests.factories import plans as factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency_plan(seeded):
    agency, other = factories.organisation(), factories.organisation()
    plan = factories.plan(agencies=[agency, other])
    return plan, agency, other, factories.audience()


def training_post(plan, organiser, audience, *, day="2026-05-20", invited=30, attended=25, first_time=20):
    return {
        "plan": plan.pk,
        "title": "Tập huấn kỹ năng truyền thông",
        "date": day,
        "ends_on": "",
        "place": "Cà Mau",
        "organiser": organiser.pk,
        "notes": "",
        "attendance-TOTAL_FORMS": "1",
        "attendance-INITIAL_FORMS": "0",
        "attendance-MIN_NUM_FORMS": "1",
        "attendance-MAX_NUM_FORMS": "1000",
        "attendance-0-audience": audience.pk,
        "attendance-0-invited": invited,
        "attendance-0-attended": attended,
        "attendance-0-first_time": first_time,
        "attendance-0-ORDER": "1",
        "attendance-0-id": "",
        "attendance-0-DELETE": "",
        "locale": factories.vi().pk,
    }


def test_an_agency_editor_records_a_training(client, agency_plan):
    plan, agency, _other, audience = agency_plan
    sign_in(client, factories.editor_of(agency))
    response = client.post("/admin/snippets/plans/training/add/", training_post(plan, agency, audience))
    assert response.status_code == 302, response.content.decode()[:3000]
    training = Training.objects.get(plan=plan)
    assert training.organiser == agency and training.attendance.get().first_time == 20


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"invited": 20, "attended": 25}, "Số người tham dự (25) nhiều hơn số người được mời (20)."),
        ({"day": "2022-12-31"}, "31/12/2022 nằm ngoài thời gian của kế hoạch (01/01/2023–31/12/2028)."),
        ({"attended": 10, "first_time": 12}, "Số người được tập huấn lần đầu nhiều hơn số người tham dự."),
    ],
)
def test_bad_attendance_and_dates_are_form_errors_in_the_users_language(client, agency_plan, change, message):
    plan, agency, _other, audience = agency_plan
    sign_in(client, factories.editor_of(agency, language="vi"))
    response = client.post(
        "/admin/snippets/plans/training/add/", training_post(plan, agency, audience, **change)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Training.objects.filter(plan=plan).exists()


def test_attendance_rule_in_english_too(agency_plan):
    _plan, _agency, _other, audience = agency_plan
    with translation.override("en"), pytest.raises(ValidationError) as error:
        Attendance(audience=audience, invited=5, attended=6, first_time=0).clean()
    assert "More people attended (6) than were invited (5)." in str(error.value)


def test_an_editor_cannot_record_or_change_another_agencys_activities(client, agency_plan):
    plan, agency, other, audience = agency_plan
    theirs = factories.training(plan, other, date(2026, 1, 5), [(audience, 5, 5, 5)])
    sign_in(client, factories.editor_of(agency))
    listing = client.get("/admin/snippets/plans/training/").content.decode()
    assert theirs.title not in listing
    assert client.get(f"/admin/snippets/plans/training/edit/{theirs.pk}/").status_code in (302, 403, 404)
    response = client.post("/admin/snippets/plans/training/add/", training_post(plan, other, audience))
    assert response.status_code == 200 and not Training.objects.filter(plan=plan, organiser=agency).exists()
    assert Training.objects.filter(plan=plan).count() == 1


def test_activities_link_to_products_and_articles(agency_plan):
    from news.models import ArticlePage

    plan, agency, _other, _audience = agency_plan
    event = factories.event(plan, agency, date(2026, 12, 10), title="Ngày Nhân quyền thế giới")
    product = library.product(provinces=["current-ca-mau"])
    article = ArticlePage.objects.filter(locale__language_code="vi").first()
    event.products.set([product])
    event.articles.set([article])
    event.save()
    event.refresh_from_db()
    assert list(event.products.all()) == [product] and list(event.articles.all()) == [article]


def test_briefing_dates_outside_the_plan_are_refused(agency_plan):
    plan, agency, _other, _audience = agency_plan
    briefing = factories.briefing(plan, agency, date(2026, 3, 1))
    briefing.date = date(2029, 1, 1)
    with pytest.raises(ValidationError) as error:
        briefing.full_clean()
    assert "date" in error.value.message_dict
