"""Reporting on time: contributions, revisions, provincial reports as DOCX/PDF, reminders."""

import io
from datetime import date
from unittest import mock

import pypdfium2
import pytest
from docx import Document

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from plans import reminders
from plans.models import Contribution, Measure, Notice, ProvincialReport
from tests.accounts import sign_in
from tests.factories import plans as factories

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 2)


@pytest.fixture
def frozen_today():
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        yield TODAY


@pytest.fixture
def agency_plan(seeded, frozen_today):
    agency = factories.organisation(name="Sở Văn hóa kiểm thử")
    plan = factories.plan(
        agencies=[agency, factories.organisation()],
        targets=[factories.target(Measure.ONLINE, 100, code="online", short="Trên không gian mạng: 100%")],
    )
    return plan, agency


def contribution_post(plan, agency, year, **extra):
    return {
        "plan": plan.pk,
        "agency": agency.pk,
        "year": year,
        "activities": "Tổ chức 02 lớp tập huấn.",
        "results": "Đạt chỉ tiêu.",
        "difficulties": "",
        "proposals": "",
        **extra,
    }


def test_an_agency_submits_its_contribution_once(client, agency_plan):
    plan, agency = agency_plan
    sign_in(client, factories.editor_of(agency, language="vi"))
    response = client.post("/admin/plans/contributions/", contribution_post(plan, agency, 2026))
    assert response.status_code == 302
    first = Contribution.objects.get(plan=plan, agency=agency, year=2026)
    duplicate = client.post("/admin/plans/contributions/", contribution_post(plan, agency, 2026))
    assert duplicate.status_code == 200
    assert "đã nộp báo cáo đóng góp năm 2026" in duplicate.content.decode()
    assert Contribution.objects.filter(plan=plan, agency=agency).count() == 1
    assert first.revision == 1


@pytest.mark.parametrize(
    ("year", "message"),
    [(2027, "Năm 2027 chưa đến"), (2022, "Năm 2022 nằm ngoài thời gian của kế hoạch (2023–2028).")],
)
def test_years_not_reached_or_outside_the_plan_are_refused(client, agency_plan, year, message):
    plan, agency = agency_plan
    sign_in(client, factories.editor_of(agency, language="vi"))
    response = client.post("/admin/plans/contributions/", contribution_post(plan, agency, year))
    assert response.status_code == 200 and message in response.content.decode()
    assert not Contribution.objects.filter(plan=plan).exists()


def test_an_editor_submits_only_for_their_own_agency(client, agency_plan):
    plan, agency = agency_plan
    other = plan.agencies.exclude(organisation=agency).first().organisation
    sign_in(client, factories.editor_of(agency))
    response = client.post("/admin/plans/contributions/", contribution_post(plan, other, 2026))
    assert response.status_code == 200 and not Contribution.objects.filter(plan=plan).exists()
    theirs = Contribution.objects.create(plan=plan, agency=other, year=2026, activities="x", results="y")
    assert client.get(f"/admin/plans/contributions/{theirs.pk}/").status_code in (302, 403)


def test_a_correction_is_a_new_revision_with_its_reason(client, agency_plan):
    plan, agency = agency_plan
    first = Contribution.objects.create(plan=plan, agency=agency, year=2026, activities="Cũ.", results="Cũ.")
    sign_in(client, factories.editor_of(agency, language="vi"))
    url = f"/admin/plans/contributions/{first.pk}/correct/"
    without_reason = client.post(url, {"activities": "Mới.", "results": "Mới.", "reason": ""})
    assert without_reason.status_code == 200 and Contribution.objects.filter(plan=plan).count() == 1
    response = client.post(url, {"activities": "Mới.", "results": "Mới.", "reason": "Bổ sung số liệu."})
    assert response.status_code == 302
    second = Contribution.objects.get(supersedes=first)
    assert (second.revision, second.reason, second.activities) == (2, "Bổ sung số liệu.", "Mới.")
    first.refresh_from_db()
    assert first.activities == "Cũ." and not first.is_current and second.is_current
    assert [row.revision for row in second.history()] == [2, 1]
    again = client.post(url, {"activities": "x", "results": "x", "reason": "x"})
    assert again.status_code == 302 and Contribution.objects.filter(plan=plan).count() == 2  # to the latest
    with pytest.raises(ValidationError):
        first.results = "changed"
        first.save()


def report_post(plan, kind="annual", year=2026, **extra):
    return {
        "plan": plan.pk,
        "kind": kind,
        "year": year,
        "number": "412/BC-UBND",
        "signed_on": "2026-12-05",
        "place": "Cà Mau",
        "signatory_role": "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "signatory_name": "Nguyễn Văn Bình",
        "recipients": "Bộ Văn hóa, Thể thao và Du lịch\nLưu: VT",
        "assessment": "Các cơ quan đã triển khai đầy đủ nhiệm vụ.",
        "proposals": "Bố trí kinh phí năm 2027.",
        "summary_en": "The agencies carried out their duties.",
        "summary_km": "ភ្នាក់ងារនានាបានអនុវត្តភារកិច្ចរបស់ខ្លួន។",
        **extra,
    }


@pytest.fixture
def coordinator(client, agency_plan):
    sign_in(client, factories.administrator(language="vi"))
    return client


def test_provincial_report_rules(coordinator, agency_plan):
    plan, _agency = agency_plan
    future = coordinator.post("/admin/plans/reports/new/", report_post(plan, year=2027))
    assert "Năm 2027 chưa đến" in future.content.decode()
    no_review = coordinator.post("/admin/plans/reports/new/", report_post(plan, kind="interim", year=2026))
    assert "Kế hoạch không có" in no_review.content.decode()
    early = coordinator.post("/admin/plans/reports/new/", report_post(plan, signed_on="2025-12-01"))
    assert "signed_on" in early.context["form"].errors
    assert not ProvincialReport.objects.exists()
    assert coordinator.post("/admin/plans/reports/new/", report_post(plan)).status_code == 302
    twice = coordinator.post("/admin/plans/reports/new/", report_post(plan))
    assert "Báo cáo này đã được nộp" in twice.content.decode() and ProvincialReport.objects.count() == 1


def test_editors_cannot_submit_provincial_reports(client, agency_plan):
    plan, agency = agency_plan
    sign_in(client, factories.editor_of(agency))
    response = client.post("/admin/plans/reports/new/", report_post(plan))
    assert response.status_code in (302, 403) and not ProvincialReport.objects.filter(plan=plan).exists()


@pytest.fixture
def report(coordinator, agency_plan):
    plan, agency = agency_plan
    Contribution.objects.create(
        plan=plan, agency=agency, year=2026, activities="Tổ chức hội thi tìm hiểu.", results="Hoàn thành."
    )
    assert coordinator.post("/admin/plans/reports/new/", report_post(plan)).status_code == 302
    return ProvincialReport.objects.get(plan=plan)


def test_the_report_assembles_contributions_and_figures(report):
    snap = report.snapshot
    assert snap["contributions"][0]["agency"] == "Sở Văn hóa kiểm thử"
    assert (
        snap["figures"]["2026"][0]["code"] == "online" and snap["figures"]["2026"][0]["threshold"] == "100%"
    )
    assert len(snap["missing"]) == 1  # the other agency has not submitted


def test_docx_export_in_the_official_layout(coordinator, report):
    response = coordinator.get(f"/admin/plans/reports/{report.pk}/docx/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = Document(io.BytesIO(response.content))
    header = document.tables[0].rows[0].cells
    assert "ỦY BAN NHÂN DÂN" in header[0].text and "TỈNH CÀ MAU" in header[0].text
    assert "Số: 412/BC-UBND" in header[0].text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header[1].text
    assert "Độc lập - Tự do - Hạnh phúc" in header[1].text
    assert "Cà Mau, ngày 05 tháng 12 năm 2026" in header[1].text
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text and "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CỦA KẾ HOẠCH" in text
    assert "Tổ chức hội thi tìm hiểu." in text and "The agencies carried out their duties." in text
    assert "ភ្នាក់ងារនានាបានអនុវត្តភារកិច្ចរបស់ខ្លួន។" in text
    signature = document.tables[-1].rows[0].cells
    assert "Nơi nhận:" in signature[0].text and "Nguyễn Văn Bình" in signature[1].text


def test_pdf_export_extracts_the_vietnamese_text(coordinator, report):
    response = coordinator.get(f"/admin/plans/reports/{report.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdfium2.PdfDocument(response.content)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    flat = " ".join(text.split())
    for words in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Cà Mau, ngày 05 tháng 12 năm 2026",
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "Tổ chức hội thi tìm hiểu.",
        "Nguyễn Văn Bình",
    ):
        assert words in flat, words
    assert coordinator.get(f"/admin/plans/reports/{report.pk}/odt/").status_code == 404


def test_a_corrected_report_keeps_its_history(coordinator, report):
    data = report_post(report.plan, reason="")
    for name in ("plan", "kind", "year"):
        data.pop(name)
    url = f"/admin/plans/reports/{report.pk}/correct/"
    assert coordinator.post(url, data).status_code == 200 and ProvincialReport.objects.count() == 1
    data.update(reason="Sửa số văn bản.", number="413/BC-UBND")
    assert coordinator.post(url, data).status_code == 302
    latest = ProvincialReport.objects.get(supersedes=report)
    assert (latest.revision, latest.number, latest.reason) == (2, "413/BC-UBND", "Sửa số văn bản.")
    report.refresh_from_db()
    assert report.number == "412/BC-UBND"
    page = coordinator.get(f"/admin/plans/reports/{latest.pk}/").content.decode()
    assert "Sửa số văn bản." in page


def test_an_interim_review_covers_the_years_so_far(coordinator, agency_plan):
    plan, _agency = agency_plan
    data = report_post(plan, kind="interim", year=2025, signed_on="2025-12-08")
    assert coordinator.post("/admin/plans/reports/new/", data).status_code == 302
    review = ProvincialReport.objects.get(plan=plan, kind="interim")
    assert review.snapshot["years"] == ["2023", "2024", "2025"]


def test_reminders_before_the_deadline_once_in_each_persons_language(agency_plan):
    plan, agency = agency_plan
    other = plan.agencies.exclude(organisation=agency).first().organisation
    khmer = factories.editor_of(agency, language="km")
    english = factories.editor_of(other, language="en")
    Contribution.objects.create(plan=plan, agency=other, year=2026, activities="x", results="y")
    due = plan.annual_due(2026)
    mail.outbox.clear()
    assert reminders.send_deadline_reminders(today=due.replace(day=due.day - 7)) == 1
    assert mail.outbox[0].to == [khmer.email] and english.email not in mail.outbox[0].to
    assert "ការរំលឹក" in mail.outbox[0].subject and "10/12/2026" in mail.outbox[0].body
    assert reminders.send_deadline_reminders(today=due.replace(day=due.day - 7)) == 0
    assert reminders.send_deadline_reminders(today=due.replace(day=due.day - 5)) == 0  # not a reminder day
    assert Notice.objects.filter(key__startswith=f"deadline:{plan.pk}:").count() == 1


def test_the_daily_command_sends_quiz_results_to_the_organiser(seeded):
    from django.core.management import call_command

    organiser = factories.organisation()
    editor = factories.editor_of(organiser, language="vi")
    factories.quiz(organiser=organiser, closes_on=timezone.localdate().replace(year=2020))
    mail.outbox.clear()
    call_command("send_plan_reminders", stdout=io.StringIO())
    sent = [message for message in mail.outbox if editor.email in message.to]
    assert len(sent) == 1 and "Kết quả" in sent[0].subject
    call_command("send_plan_reminders", stdout=io.StringIO())
    assert len([message for message in mail.outbox if editor.email in message.to]) == 1
