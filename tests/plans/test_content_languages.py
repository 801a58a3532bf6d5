"""Administrators add content languages (Dao, Khơ Mú, Lào...) without a code change."""

from datetime import date

import pytest

from library import reports
from library.languages import iso_639_3_name
from library.models import Language
from tests.accounts import sign_in
from tests.factories import library
from tests.factories import plans as factories

pytestmark = pytest.mark.django_db

URL = "/admin/snippets/library/language/"


def post(**values):
    return {
        "code": "kjg",
        "kind": "minority",
        "name_vi": "Tiếng Khơ Mú",
        "name_en": "Khmu",
        "name_km": "ភាសាខ្មុ",
        **values,
    }


def test_an_administrator_adds_khmu_and_it_counts_as_a_minority_language(client, seeded):
    sign_in(client, factories.administrator())
    response = client.post(URL + "add/", post())
    assert response.status_code == 302
    khmu = Language.objects.get(code="kjg")
    assert khmu.name_vi == "Tiếng Khơ Mú" and iso_639_3_name("kjg") == "Khmu"
    library.product(languages=["kjg"], provinces=["current-ca-mau"], published_on=date(2019, 2, 1))
    share = reports.shares(reports.products(year=2019))
    assert share.language >= 1
    assert "Tiếng Khơ Mú" in client.get(URL).content.decode()


@pytest.mark.parametrize("code", ["xyz", "KJG", "kj", "khmu", "vi"])
def test_codes_outside_iso_639_3_are_form_errors(client, seeded, code):
    sign_in(client, factories.administrator(language="vi"))
    response = client.post(URL + "add/", post(code=code))
    assert response.status_code == 200
    assert "không phải là mã ngôn ngữ ISO 639-3" in response.content.decode()
    assert not Language.objects.filter(code=code).exists()


def test_a_duplicate_code_is_refused(client, seeded):
    sign_in(client, factories.administrator())
    response = client.post(URL + "add/", post(code="khm", name_vi="Khmer lần hai"))
    assert response.status_code == 200 and Language.objects.get(code="khm").name_vi == "Tiếng Khmer"


def test_renaming_a_language_keeps_it_and_editors_cannot(client, seeded):
    sign_in(client, factories.administrator())
    Language.objects.get_or_create(
        code="lao", defaults={"kind": "foreign", "name_vi": "Lào", "name_en": "Lao", "name_km": "ឡាវ"}
    )
    response = client.post(
        URL + "edit/lao/", post(code="lao", kind="foreign", name_vi="Tiếng Lào", name_en="Lao")
    )
    assert response.status_code == 302 and Language.objects.get(code="lao").name_vi == "Tiếng Lào"
    changed = client.post(URL + "edit/lao/", post(code="ium", kind="foreign"))
    assert changed.status_code == 200 and not Language.objects.filter(code="ium").exists()
    client.logout()
    justice = factories.Organisation.objects.get(locale__language_code="vi", slug="so-tu-phap-an-giang")
    sign_in(client, factories.editor_of(justice))
    assert client.get(URL + "add/").status_code in (302, 403)
