"""Plans as data: An Giang's plan seeded from its text, translatable, editable by administrators."""

from datetime import date

import pytest

from django.apps import apps
from django.core.exceptions import ValidationError

from wagtail.admin.panels import get_edit_handler
from wagtail.models import TranslatableMixin

from plans.models import Measure, Plan, PlanAgency, Steward, Target
from tests.accounts import sign_in
from tests.factories import plans as factories
from tests.translations.test_field_policy import NOT_CONTENT

pytestmark = pytest.mark.django_db


def an_giang(language="vi"):
    return Plan.objects.get(locale__language_code=language, number="355/KH-UBND")


def test_an_giang_plan_is_seeded_from_the_plan_text(seeded):
    plan = an_giang()
    assert plan.province.slug == "an-giang" and plan.issuing_body == "Ủy ban nhân dân tỉnh An Giang"
    assert plan.issued_on == date(2024, 4, 5) and plan.years == [2023, 2024, 2025, 2026, 2027, 2028]
    wording = {target.code: target for target in plan.targets.all()}
    assert wording["ngon-ngu-va-nen-tang-so"].wording.startswith(
        "Sản phẩm truyền thông bằng tiếng dân tộc, tiếng nước ngoài và sản phẩm truyền thông trên "
        "nền tảng số chiếm từ 15-20% tổng số sản phẩm"
    )
    assert (
        wording["ngon-ngu-va-nen-tang-so"].threshold,
        wording["ngon-ngu-va-nen-tang-so"].threshold_max,
    ) == (15, 20)
    assert wording["tap-huan-can-bo-chu-chot"].wording.startswith(
        "70% cán bộ chủ chốt của các tổ chức chính trị - xã hội"
    )
    assert wording["tap-huan-can-bo-chu-chot"].threshold == 70
    assert wording["co-che-phat-ngon"].measure == Measure.SPOKESPERSON
    assert wording["co-che-phat-ngon"].per_agency_minimum == 4
    assert {kind for kind, _year, _due in plan.deadlines()} == {"annual", "interim", "final"}
    assert (("annual", 2026, date(2026, 12, 10)) in plan.deadlines()) and (
        ("final", 2028, date(2028, 12, 10)) in plan.deadlines()
    )
    stewards = {steward.subject: steward.organisation.name for steward in plan.stewards.all()}
    assert stewards["ICCPR"] == "Sở Tư pháp tỉnh An Giang"
    assert stewards["CRC"] == "Sở Lao động - Thương binh và Xã hội tỉnh An Giang"
    assert stewards["Cơ chế Rà soát định kỳ phổ quát (UPR)"] == "Sở Ngoại vụ tỉnh An Giang"
    assert plan.agencies.filter(organisation__slug="so-tu-phap-an-giang").first().duties


@pytest.mark.parametrize(
    ("language", "short"),
    [("en", "Published online: 100%"), ("km", "ផ្សព្វផ្សាយលើអ៊ីនធឺណិត៖ ១០០%")],
)
def test_the_plan_is_translated_with_short_renderings(seeded, language, short):
    plan = an_giang(language)
    assert plan.translation_key == an_giang().translation_key
    target = plan.targets.get(code="tren-khong-gian-mang")
    assert target.short == short and target.threshold == 100  # synchronised
    assert Steward.objects.filter(plan=plan).count() == an_giang().stewards.count()


def plans_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and model._meta.app_label == "plans"
    ]


@pytest.mark.parametrize("model", plans_models(), ids=lambda model: model._meta.label)
def test_every_editable_field_is_translated_or_synchronised(model):
    declared = {field.field_name for field in model.translatable_fields}
    if model in (Target, PlanAgency, Steward):  # edited inline in the plan
        editable = {panel.field_name for panel in _field_panels(model.panels)}
    else:
        form_class = get_edit_handler(model).get_form_class()
        editable = set(form_class.base_fields) | set(getattr(form_class, "formsets", {}))
    assert not editable - declared - NOT_CONTENT


def _field_panels(panels):
    for panel in panels:
        if hasattr(panel, "children"):
            yield from _field_panels(panel.children)
        elif hasattr(panel, "field_name"):
            yield panel


def test_plan_and_target_rules_are_form_errors(seeded):
    plan = Plan(
        locale=factories.vi(),
        province=an_giang().province,
        title="X",
        issued_on=date(2024, 1, 1),
        issuing_body="UBND",
        starts_on=date(2028, 1, 1),
        ends_on=date(2023, 1, 1),
        report_due_day=31,
        report_due_month=2,
        reminder_days="7, soon",
    )
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert {"ends_on", "report_due_day", "reminder_days"} <= set(error.value.message_dict)
    target = Target(
        measure=Measure.TRAINED, threshold=120, threshold_max=50, short="x", wording="x", code="x"
    )
    with pytest.raises(ValidationError) as error:
        target.clean()
    assert {"audience", "threshold", "threshold_max"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError):
        Target(measure=Measure.SPOKESPERSON, threshold=100).clean()
    with pytest.raises(ValidationError):
        Steward(mechanism="UPR", convention_id=an_giang().stewards.first().convention_id).clean()


def test_administrators_edit_plans_and_editors_cannot(client, seeded):
    plan = an_giang()
    sign_in(client, factories.administrator())
    response = client.get(f"/admin/snippets/plans/plan/edit/{plan.pk}/")
    assert response.status_code == 200 and "355/KH-UBND" in response.content.decode()
    assert "Sở Ngoại vụ" in response.content.decode()
    client.logout()
    justice = factories.Organisation.objects.get(locale__language_code="vi", slug="so-tu-phap-an-giang")
    sign_in(client, factories.editor_of(justice))
    assert client.get(f"/admin/snippets/plans/plan/edit/{plan.pk}/").status_code in (302, 403)


def test_administrators_add_an_audience_group_in_the_admin(client, seeded):
    sign_in(client, factories.administrator())
    response = client.post(
        "/admin/snippets/plans/audiencegroup/add/",
        {"name": "Báo cáo viên pháp luật", "code": "bao-cao-vien", "locale": factories.vi().pk},
    )
    assert response.status_code == 302
    assert factories.AudienceGroup.objects.filter(code="bao-cao-vien").exists()


def test_the_demo_plan_seeds_again_without_duplicates(seeded):
    import io

    from plans import demo
    from plans.models import Contribution, Event, PressBriefing, QuizPage, Training

    models = (Plan, Target, PlanAgency, Steward, Event, Training, PressBriefing, QuizPage, Contribution)
    before = {model: model.objects.count() for model in models}
    demo.seed(io.StringIO())
    assert {model: model.objects.count() for model in models} == before
    assert an_giang().review_points.count() == 2
