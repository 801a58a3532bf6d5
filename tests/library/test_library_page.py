"""The public library page: facets with counts, combinations, pagination, exports, bad input."""

import csv
import io
import json
import re
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from django.utils import timezone

from tests.factories import library

pytestmark = pytest.mark.django_db


def facet(html, name):
    """``{value: (count, checked)}`` of one facet's checkboxes."""
    block = html.split(f'name="{name}"', 1)
    if len(block) == 1:
        return {}
    fieldset = html[html.rfind("<fieldset", 0, html.index(f'name="{name}"')) :].split("</fieldset>")[0]
    options = re.findall(
        r'name="' + name + r'" value="([^"]+)"( checked)?>.*?class="facet__count">\((\d+)\)', fieldset, re.S
    )
    return {value: (int(count), bool(checked)) for value, checked, count in options}


def titles(html):
    return re.findall(r'<li class="product-card">\s*<h3><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def products(seeded):
    return [
        library.product(title="A: CRC video An Giang", conventions=["CRC"], provinces=["current-an-giang"]),
        library.product(
            title="B: CRC radio Kiên Giang",
            product_type="radio-drama",
            conventions=["CRC"],
            provinces=["former-91"],
            languages=["khm"],
        ),
        library.product(
            title="C: CAT video Cà Mau",
            conventions=["CAT"],
            provinces=["current-ca-mau"],
            published_on=date(2024, 1, 1),
        ),
    ]


def test_counts_respect_the_other_selected_facets(client, products):
    base = client.get("/vi/library/").content.decode()
    assert facet(base, "type")["video"][0] >= 3
    html = client.get("/vi/library/", {"convention": "crc", "province": "an-giang"}).content.decode()
    assert {"A: CRC video An Giang", "B: CRC radio Kiên Giang"} <= set(titles(html))
    assert "C: CAT video Cà Mau" not in titles(html)
    conventions = facet(html, "convention")
    assert conventions["crc"][1] is True
    provinces = facet(html, "province")
    assert provinces["an-giang"][1] is True
    assert "ca-mau" not in provinces  # the only Cà Mau product is not about the CRC
    assert "cat" not in conventions  # ... and the CAT product is not in An Giang
    types = facet(html, "type")
    assert types["video"][0] >= 1 and types["radio-drama"][0] >= 1
    assert facet(html, "language")["khm"][0] >= 1


def test_values_within_a_facet_are_alternatives(client, products):
    html = client.get("/vi/library/?convention=crc&convention=cat").content.decode()
    assert {"A: CRC video An Giang", "C: CAT video Cà Mau"} <= set(titles(html))
    assert facet(html, "convention")["cat"][1] and facet(html, "convention")["crc"][1]


def test_province_facet_rolls_former_provinces_into_their_successor(client, products):
    html = client.get("/vi/library/").content.decode()
    provinces = facet(html, "province")
    assert "kien-giang" not in provinces
    an_giang = provinces["an-giang"][0]
    filtered = client.get("/vi/library/?province=an-giang").content.decode()
    assert len(titles(filtered)) == an_giang


def test_year_and_organisation_and_text_query(client, products):
    html = client.get("/vi/library/?year=2024&type=video").content.decode()
    assert "C: CAT video Cà Mau" in titles(html) and "A: CRC video An Giang" not in titles(html)
    html = client.get("/vi/library/?organisation=bao-an-giang&q=radio").content.decode()
    assert titles(html) == ["B: CRC radio Kiên Giang"]


def test_filtered_views_are_noindex_and_the_plain_page_is_not(client, products):
    assert "noindex" not in client.get("/vi/library/").content.decode().split("</head>")[0]
    assert 'content="noindex, follow"' in client.get("/vi/library/?type=video").content.decode()


def test_pagination(client, seeded):
    for _ in range(21):
        library.product(product_type="poster")
    first = client.get("/vi/library/?type=poster").content.decode()
    second = client.get("/vi/library/?type=poster&page=2").content.decode()
    assert len(titles(first)) == 20 and len(titles(second)) == 2
    assert 'href="?type=poster&amp;page=2"' in first
    assert client.get("/vi/library/?type=poster&page=99").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "convention=nope",
        "year=abc",
        "year=99999999999999999999999",
        "language=xx&type=%00",
        "page=abc",
        "page=0",
        "page=-3",
        "q=" + "quyền " * 400,
        'q="&province=an-giang',
        "q=%E0%A4%A",
    ],
)
def test_bad_input_gives_a_normal_page(client, products, query):
    response = client.get(f"/vi/library/?{query}")
    assert response.status_code == 200


def test_unknown_values_are_reported_and_the_others_applied(client, products):
    html = client.get("/vi/library/?convention=crc&type=nope").content.decode()
    assert 'class="form-errors" role="alert"' in html and "nope" in html
    assert "C: CAT video Cà Mau" not in titles(html)


def test_drafts_and_embargoed_products_never_appear_or_are_counted(client, seeded):
    draft = library.product(title="Bản nháp thư viện", publish=False, conventions=["ICERD"])
    embargoed = library.product(
        title="Đang cấm vận", conventions=["ICERD"], embargo_until=timezone.localdate() + timedelta(days=1)
    )
    visible = library.product(title="Công khai ICERD", conventions=["ICERD"])
    html = client.get("/vi/library/?convention=icerd").content.decode()
    assert titles(html) == [visible.title]
    assert facet(html, "convention")["icerd"][0] == 1
    for fmt in ("csv", "json"):
        body = b"".join(client.get(f"/vi/library/export/{fmt}/").streaming_content).decode()
        assert draft.title not in body and embargoed.title not in body and visible.title in body


def test_exports_in_three_formats_follow_the_filters(client, products):
    response = client.get("/vi/library/export/csv/?convention=crc")
    assert response["Content-Disposition"] == 'attachment; filename="library-vi.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert {row["title"] for row in rows} >= {"A: CRC video An Giang", "B: CRC radio Kiên Giang"}
    assert all("CRC" in row["conventions"].split(";") for row in rows)
    row = next(r for r in rows if r["title"].startswith("B:"))
    assert row["provinces"] == "kien-giang" and row["content_languages"] == "khm"

    data = json.loads(b"".join(client.get("/vi/library/export/json/?convention=cat").streaming_content))
    assert [item["title"] for item in data] == ["C: CAT video Cà Mau"]
    assert data[0]["identifier"].startswith("AG-2024-")

    workbook = load_workbook(io.BytesIO(client.get("/vi/library/export/xlsx/?convention=crc").content))
    sheet = workbook.active
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert header[:3] == ["identifier", "title", "description"]
    assert sheet.max_row - 1 == len(rows)
    assert client.get("/vi/library/export/pdf/").status_code == 404
