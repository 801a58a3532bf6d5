"""Convention pages and the province directory, in vi, en and km."""

import re

import pytest

from home.models import ConventionIndexPage, ConventionPage, ProvinceIndexPage

pytestmark = pytest.mark.django_db

INDEX = {"vi": "/vi/cong-uoc/", "en": "/en/conventions/", "km": "/km/conventions/"}
PROVINCES = {"vi": "/vi/tinh-thanh/", "en": "/en/provinces/", "km": "/km/provinces/"}


def test_seven_convention_pages_in_every_language(seeded):
    for language in ("vi", "en", "km"):
        pages = ConventionPage.objects.live().filter(locale__language_code=language)
        assert sorted(page.convention.code for page in pages) == sorted(
            ["ICCPR", "ICESCR", "CEDAW", "ICERD", "CRC", "CRPD", "CAT"]
        )
        assert ConventionIndexPage.objects.live().filter(locale__language_code=language).count() == 1


@pytest.mark.parametrize("language", ["vi", "en", "km"])
def test_index_lists_conventions_in_treaty_order(client, seeded, language):
    html = client.get(INDEX[language]).content.decode()
    codes = re.findall(r'<p class="convention-card__code" aria-hidden="true">(\w+)</p>', html)
    assert codes == ["ICCPR", "ICESCR", "CEDAW", "ICERD", "CRC", "CRPD", "CAT"]


@pytest.mark.parametrize(
    ("path", "name", "treaty_body", "party_label"),
    [
        ("/vi/cong-uoc/crc/", "Công ước về quyền trẻ em", "Ủy ban về quyền trẻ em", "Việt Nam phê chuẩn"),
        (
            "/en/conventions/crc/",
            "Convention on the Rights of the Child",
            "Committee on the Rights of the Child",
            "Ratified by Viet Nam",
        ),
        ("/km/conventions/crc/", "អនុសញ្ញាស្ដីពីសិទ្ធិកុមារ", "គណៈកម្មាធិការសិទ្ធិកុមារ", "វៀតណាមផ្ដល់សច្ចាប័ន"),
    ],
)
def test_convention_page_shows_facts_timeline_and_reporting(
    client, seeded, path, name, treaty_body, party_label
):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert name in html and treaty_body in html
    timeline = html.split('class="timeline"')[1].split("</ol>")[0]
    dates = re.findall(r'<time datetime="([\d-]+)">', timeline)
    assert dates == sorted(dates)
    assert dates == ["1989-11-20", "1990-01-26", "1990-02-28", "1990-09-02"]
    assert party_label in timeline
    assert 'datetime="2022-05-18"' not in timeline
    assert "2022" in html.split('id="reporting"')[1].split("</table>")[0]


def test_accession_is_shown_for_conventions_viet_nam_acceded_to(client, seeded):
    html = client.get("/en/conventions/iccpr/").content.decode()
    assert "Viet Nam acceded" in html and 'datetime="1982-09-24"' in html
    assert "Signed by Viet Nam" not in html


def test_related_sections_are_empty_but_never_break_the_page(client, seeded):
    html = client.get("/km/conventions/cat/").content.decode()
    assert "មិនទាន់មានខ្លឹមសារណាមួយ" in html


@pytest.mark.parametrize("language", ["vi", "en", "km"])
def test_province_directory_lists_current_and_former_units(client, seeded, language):
    html = client.get(PROVINCES[language]).content.decode()
    current = html.split('id="current-units"')[1].split("</ul>")[0]
    former = html.split('id="former-units"')[1].split("</ul>")[0]
    assert current.count("<li>") == 34
    assert former.count("<li>") == 63
    assert ProvinceIndexPage.objects.filter(locale__language_code=language).count() == 1


def test_former_province_page_points_to_its_successor(client, seeded):
    html = client.get("/vi/tinh-thanh/bac-giang/").content.decode()
    assert "<h1>Bắc Giang</h1>" in html
    assert 'href="/vi/tinh-thanh/bac-ninh/">Bắc Ninh</a>' in html
    assert "30/06/2025" in html or "30-06-2025" in html or "30/6/2025" in html


def test_current_province_page_lists_the_units_it_was_formed_from(client, seeded):
    html = client.get("/en/provinces/bac-ninh/").content.decode()
    assert 'href="/en/provinces/bac-giang/">Bac Giang</a>' in html
    assert 'href="/en/provinces/bac-ninh-cu/">Bac Ninh</a>' in html


@pytest.mark.parametrize(
    "path", ["/vi/tinh-thanh/khong-co/", "/km/provinces/x/y/", "/en/provinces/%E2%80%8B/"]
)
def test_unknown_province_is_a_404(client, seeded, path):
    assert client.get(path).status_code == 404
