"""Reports against the plan's targets: aggregate counts, shares, charts, exports, annual report."""

import csv
import io

import pytest
from openpyxl import load_workbook

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import Province
from library import reports
from tests.accounts import sign_in
from tests.factories import library

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, seeded):
    sign_in(
        client, get_user_model().objects.create_superuser("rep", "rep@example.org", "a-long-test-password")
    )
    return client


def _province(reference):
    return Province.objects.get(locale__language_code="vi", reference=reference)


def test_shares_follow_the_documented_rules(seeded):
    from datetime import date

    day = date(2019, 5, 1)
    here = {"provinces": ["current-ca-mau"], "published_on": day}
    online = [("placement", {"outlet": "Báo Cà Mau điện tử", "url": "https://example.org/a"})]
    offline = [("placement", {"outlet": "Báo Cà Mau", "issue": "số 12", "url": ""})]
    library.product(languages=["khm"], channels=["radio"], **here)
    library.product(languages=["vie"], channels=["social"], provinces=["former-95"], published_on=day)
    library.product(languages=["vie"], channels=["print", "online-news"], placements=online, **here)
    library.product(languages=["vie"], channels=["print"], placements=offline, **here)
    share = reports.shares(reports.products(province=_province("current-ca-mau"), year=2019))
    # digital-native: only the social-media product (print + online newspaper was also printed);
    # online: only the product with a link, not the one made for social media without a placement
    assert (share.total, share.language, share.digital, share.either, share.online) == (4, 1, 1, 2, 1)
    assert share.either_pct == 50.0
    assert share.meets_language_or_digital is None  # Cà Mau has no plan: no threshold to judge by
    rows = {unit.slug: s for unit, s in reports.targets_by_province(2019)}
    assert rows["ca-mau"].total == 4 and rows["ca-mau"].either == 2 and rows["ca-mau"].online == 1
    assert rows["an-giang"].total == 0 and rows["an-giang"].either_pct == 0.0


def test_online_and_digital_native_are_not_the_same_count(seeded):
    """Issue 23: anything posted online used to count towards the 15–20% as "digital platform"."""
    from datetime import date

    link = [("placement", {"outlet": "Cổng TTĐT", "url": "https://example.org/b"})]
    here = {"provinces": ["current-ca-mau"], "published_on": date(2019, 7, 1)}
    radio = library.product(channels=["radio", "portal"], placements=link, **here)
    social = library.product(channels=["social"], **here)
    scope = reports.products(province=_province("current-ca-mau"), year=2019)
    assert set(reports.matching(scope, "online")) == {radio}
    assert set(reports.matching(scope, "digital")) == {social}
    assert set(reports.matching(scope, "either")) == {social}


def test_former_provinces_roll_up_and_are_also_shown_alone(seeded):
    scope = reports.products(year=2025)
    rolled, former = reports.by_province(scope)
    assert dict(rolled)["An Giang"] >= 2  # the demo leaflet (former An Giang) and poster (An Giang)
    assert "An Giang" in dict(former) and "Kiên Giang" not in dict(former)


def test_counts_by_dimension_are_single_grouped_queries(seeded):
    scope = reports.products()
    with CaptureQueriesContext(connection) as queries:
        rows = reports.by_dimension(scope, "convention")
    assert len(queries.captured_queries) == 1
    assert {code: n for code, _label, n in rows}["CRC"] == 3


def test_admin_reports_page_has_tables_charts_and_exports(admin):
    response = admin.get("/admin/library/reports/", {"year": "2025"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<figure class="chart" aria-labelledby=' in html and '<li class="chart__row">' in html
    assert "<caption>" in html and "Chỉ tiêu theo tỉnh" in html
    csv_response = admin.get(
        "/admin/library/reports/", {"year": "2025", "export": "convention", "format": "csv"}
    )
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert len(rows) >= 2
    xlsx = admin.get("/admin/library/reports/", {"export": "type", "format": "xlsx"})
    assert load_workbook(io.BytesIO(xlsx.content)).active.max_row >= 2


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "1800"},
        {"province": "atlantis"},
        {"export": "nope"},
        {"export": "type", "format": "pdf"},
    ],
)
def test_bad_report_parameters_are_404(admin, query):
    assert admin.get("/admin/library/reports/", query).status_code == 404


def test_annual_report_printable_in_vietnamese_and_english_and_as_xlsx(admin):
    vi = admin.get("/admin/library/reports/annual/an-giang/2025/").content.decode()
    assert '<html lang="vi">' in vi and "An Giang" in vi
    en = admin.get("/admin/library/reports/annual/an-giang/2025/?lang=en").content.decode()
    assert '<html lang="en">' in en and "Annual report on human rights communication: An Giang, 2025" in en
    workbook = load_workbook(
        io.BytesIO(admin.get("/admin/library/reports/annual/an-giang/2025/xlsx/").content)
    )
    assert len(workbook.sheetnames) >= 8


def test_annual_report_bad_input(admin):
    assert admin.get("/admin/library/reports/annual/atlantis/2025/").status_code == 404
    assert admin.get("/admin/library/reports/annual/an-giang/20x5/").status_code == 404
    empty = admin.get("/admin/library/reports/annual/an-giang/2017/?lang=en")
    assert empty.status_code == 200 and "<td>0</td>" in empty.content.decode()


def test_reports_need_admin_access(client, seeded):
    response = client.get("/admin/library/reports/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/vi/tinh-thanh/an-giang/figures/", "CRC"),
        ("/en/provinces/an-giang/figures/", "Radio drama"),
        ("/km/provinces/an-giang/figures/", "ល្ខោនវិទ្យុ"),
    ],
)
def test_public_province_figures_in_the_current_language(client, seeded, path, text):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert text in html and '<li class="chart__row">' in html


def test_public_figures_count_published_items_only(client, seeded):
    before = client.get("/vi/tinh-thanh/ca-mau/figures/").content.decode()
    assert '<li class="chart__row">' not in before
    library.product(conventions=["CAT"], provinces=["current-ca-mau"], publish=False)
    assert '<li class="chart__row">' not in client.get("/vi/tinh-thanh/ca-mau/figures/").content.decode()
    library.product(conventions=["CAT"], provinces=["former-95"])
    assert "CAT" in client.get("/vi/tinh-thanh/ca-mau/figures/").content.decode()


def test_unknown_province_figures_is_404(client, seeded):
    assert client.get("/vi/tinh-thanh/atlantis/figures/").status_code == 404
