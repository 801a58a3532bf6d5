"""Test data for the plans: a plan with targets and agencies, activities, quizzes, people."""

import itertools
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home.models import Organisation, Province
from newsroom import roles
from plans.models import (
    Attendance,
    AudienceGroup,
    CalendarPage,
    Event,
    Measure,
    Plan,
    PlanAgency,
    PressBriefing,
    QuizPage,
    ReviewPoint,
    Target,
    Training,
)

_numbers = itertools.count(1)


def vi():
    return Locale.objects.get(language_code="vi")


def organisation(slug=None, name=None):
    """An agency (default language) with its editors' group."""
    number = next(_numbers)
    row = Organisation.objects.create(
        locale=vi(),
        slug=slug or f"co-quan-kiem-thu-{number}",
        name=name or f"Cơ quan kiểm thử {number}",
        kind=Organisation.Kind.DEPARTMENT,
    )
    roles.sync_team(row)  # on_commit never runs inside a test's transaction
    return row


def person(*groups, username=None, language=None, superuser=False):
    user = get_user_model().objects.create_user(
        username or f"nguoi-{next(_numbers)}", f"nguoi-{next(_numbers)}@example.org", "a-long-test-password"
    )
    user.is_superuser = superuser
    user.save()
    user.groups.set(groups)
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


def editor_of(organisation, **kwargs):
    return person(Group.objects.get(team__organisation_key=organisation.translation_key), **kwargs)


def administrator(**kwargs):
    return person(Group.objects.get(name=roles.ADMINISTRATORS), **kwargs)


def audience(code=None, name=None):
    code = code or f"nhom-{next(_numbers)}"
    return AudienceGroup.objects.create(locale=vi(), code=code, name=name or f"Nhóm {code}")


def target(measure, threshold, **kwargs):
    number = next(_numbers)
    return Target(
        locale=vi(),
        code=kwargs.pop("code", f"chi-tieu-{number}"),
        wording=kwargs.pop("wording", f"Chỉ tiêu kiểm thử {number}"),
        short=kwargs.pop("short", f"Chỉ tiêu {number}"),
        measure=measure,
        threshold=threshold,
        **kwargs,
    )


def plan(
    *,
    province="current-ca-mau",
    targets=(),
    agencies=(),
    starts_on=date(2023, 1, 1),
    ends_on=date(2028, 12, 31),
):
    """A plan in the default language. ``agencies``: organisations, or ``(organisation, is_state_agency)``."""
    row = Plan(
        locale=vi(),
        province=Province.objects.get(locale=vi(), reference=province),
        title="Kế hoạch kiểm thử",
        number=f"{next(_numbers)}/KH-UBND",
        issued_on=starts_on,
        issuing_body="Ủy ban nhân dân tỉnh Cà Mau",
        starts_on=starts_on,
        ends_on=ends_on,
    )
    row.targets = list(targets)
    rows = []
    for agency in agencies:
        organisation, is_state = agency if isinstance(agency, tuple) else (agency, True)
        rows.append(PlanAgency(locale=vi(), organisation=organisation, is_state_agency=is_state))
    row.agencies = rows
    row.review_points = [
        ReviewPoint(kind=ReviewPoint.Kind.INTERIM, year=2025, due_on=date(2025, 12, 10)),
        ReviewPoint(kind=ReviewPoint.Kind.FINAL, year=2028, due_on=date(2028, 12, 10)),
    ]
    row.save()
    return row


def training(plan, organiser, day, attendance):
    """``attendance``: ``[(audience, invited, attended, first_time)]``."""
    row = Training(locale=vi(), plan=plan, organiser=organiser, date=day, title=f"Tập huấn {next(_numbers)}")
    row.attendance = [
        Attendance(audience=a, invited=i, attended=n, first_time=f) for a, i, n, f in attendance
    ]
    row.save()
    return row


def briefing(plan, organiser, day, kind=PressBriefing.Kind.BRIEFING):
    return PressBriefing.objects.create(
        locale=vi(), plan=plan, organiser=organiser, date=day, kind=kind, title=f"Giao ban {next(_numbers)}"
    )


def event(plan, organiser, day, **kwargs):
    return Event.objects.create(
        locale=vi(),
        plan=plan,
        organiser=organiser,
        date=day,
        title=kwargs.pop("title", f"Sự kiện {next(_numbers)}"),
        kind=kwargs.pop("kind", Event.Kind.OTHER),
        **kwargs,
    )


def calendar(language="vi"):
    return CalendarPage.objects.get(locale__language_code=language)


def quiz(*, organiser=None, plan=None, ask_name=False, opens_on=None, closes_on=None, retention_days=30):
    """A published quiz under the demo calendar with two questions (answers 1 and 2 are correct)."""
    number = next(_numbers)
    page = QuizPage(
        locale=vi(),
        title=f"Câu đố {number}",
        slug=f"cau-do-{number}",
        organiser=organiser,
        plan=plan,
        ask_name=ask_name,
        opens_on=opens_on,
        closes_on=closes_on,
        retention_days=retention_days,
        purpose="Để chấm điểm.",
        questions=[
            (
                "question",
                {
                    "question": "Ngày Nhân quyền thế giới?",
                    "choices": ["10/12", "1/6"],
                    "correct": 1,
                    "explanation": "",
                },
            ),
            (
                "question",
                {
                    "question": "Công ước về quyền trẻ em?",
                    "choices": ["CAT", "CRC", "CERD"],
                    "correct": 2,
                    "explanation": "",
                },
            ),
        ],
    )
    calendar().add_child(instance=page)
    page.save_revision().publish()
    return QuizPage.objects.get(pk=page.pk)


PRODUCT_TARGETS = (Measure.LANGUAGE_OR_DIGITAL, Measure.ONLINE, Measure.LANGUAGE, Measure.DIGITAL_NATIVE)
