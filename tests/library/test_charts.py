"""Bar charts draw in every language: SVG reads numbers with a dot, whatever the page's locale."""

import re

import pytest

from django.utils import translation

from library.charts import bar_chart, svg_number

pytestmark = pytest.mark.django_db
RECT = re.compile(r'<rect width="([^"]+)%"')


def test_svg_numbers_never_take_the_locale():
    for language in ("vi", "en", "km"):
        with translation.override(language):
            assert svg_number(56.25) == "56.2" and svg_number(1234.5) == "1234.5" and svg_number(0) == "0"


def test_bars_are_percentages_of_the_longest():
    bars = bar_chart([("CRC", 4), ("CAT", 1), ("ICCPR", 0)])["bars"]
    assert [bar.percent for bar in bars] == [svg_number(100), svg_number(25), svg_number(0)]


@pytest.mark.parametrize("language", ["vi", "en", "km"])
def test_figures_page_draws_bars_in_every_language(client, seeded, language):
    from home.models import ProvinceIndexPage

    index = ProvinceIndexPage.objects.get(locale__language_code=language)
    response = client.get(f"{index.url}an-giang/figures/")
    assert response.status_code == 200
    html = response.content.decode()
    widths = RECT.findall(html)
    assert widths, "no bar drawn"
    for width in widths:
        assert 0 <= float(width) <= 100, width  # float("360,0") raises: a comma is no SVG number
    # No SVG text: labels are HTML text in the page's size, legible on a phone.
    assert "<text" not in html


def test_admin_reports_draw_bars_in_vietnamese(admin_client, seeded):
    with translation.override("vi"):
        response = admin_client.get("/admin/library/reports/", {"year": "2025"}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    widths = RECT.findall(response.content.decode())
    assert widths and all(0 <= float(width) <= 100 for width in widths)
