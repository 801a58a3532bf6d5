"""The import form does not make an editor start again (issue 19, item 5): the record language
defaults to the editor's admin language; the checked file and the options survive the check, so a
re-check or the commit needs no new upload; a wrong choice says what is accepted; the products
created are linked; rows without identifiers that look like existing products are warned about."""

import re
from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone, translation

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home.models import Organisation
from library import importer
from library.models import ImportBatch, ProductPage
from tests.accounts import sign_in

pytestmark = pytest.mark.django_db

HEADER = "identifier,title,product_type,published_on,produced_on\n"
GOOD = HEADER + ",Phóng sự mới,radio-reportage,2026-10-05,\n,Áp phích mới,poster,,2026-11-05\n"


def vi():
    return Locale.objects.get(language_code="vi")


def rows(text):
    return importer.read_rows("products.csv", text.encode())


def editor(language, slug="bao-an-giang"):
    organisation = Organisation.objects.get(locale__language_code="vi", slug=slug)
    user = get_user_model().objects.create_user(
        f"ed-{language or 'none'}", f"{language}@example.org", "x" * 20
    )
    user.groups.add(Group.objects.get(team__organisation_key=organisation.translation_key))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def admin_client(name="imp"):
    client = Client()
    user = get_user_model().objects.create_superuser(name, f"{name}@example.org", "a-long-test-password")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    sign_in(client, user)
    return client, user


def selected_language(html):
    select = re.search(r'<select name="language".*?</select>', html, re.S).group()
    return re.findall(r'<option value="(\w+)"[^>]*selected', select)


def upload(text=GOOD, name="products.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


# The record language ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["vi", "en", "km"])
def test_the_record_language_defaults_to_the_editors_admin_language(seeded, language):
    client = Client()
    sign_in(client, editor(language))
    html = client.get("/admin/library/import/").content.decode()
    assert selected_language(html) == [language]


def test_without_an_admin_language_the_default_locale_is_chosen(seeded, settings):
    client = Client()
    sign_in(client, editor(""))
    html = client.get("/admin/library/import/").content.decode()
    assert selected_language(html) == [Locale.get_default().language_code]


def test_a_wrong_language_lists_the_accepted_ones(seeded):
    client, _user = admin_client()
    response = client.post("/admin/library/import/", {"file": upload(), "language": "xx"})
    html = response.content.decode()
    assert response.status_code == 200 and not ImportBatch.objects.exists()
    assert "“xx” is not a language of the site. Accepted: en, km, vi." in html


# The kept file and options ---------------------------------------------------------------------------


def test_after_the_check_the_form_keeps_the_file_and_the_options(seeded):
    client, _user = admin_client()
    html = client.post(
        "/admin/library/import/", {"file": upload(), "language": "vi", "publish": "on"}
    ).content.decode()
    batch = ImportBatch.objects.get()
    assert f'name="batch" value="{batch.pk}"' in html
    assert "Checked file kept: products.csv." in html
    assert selected_language(html) == ["vi"]
    assert re.search(r'<input type="checkbox" name="publish"[^>]*checked', html)

    # Re-checked with other options and no new upload: the same batch, checked again.
    html = client.post("/admin/library/import/", {"batch": batch.pk, "language": "en"}).content.decode()
    assert ImportBatch.objects.count() == 1
    batch.refresh_from_db()
    assert (batch.language, batch.publish) == ("en", False)
    assert "2 rows: 2 new products, 0 updates." in html and selected_language(html) == ["en"]
    assert not re.search(r'<input type="checkbox" name="publish"[^>]*checked', html)

    # The commit needs no file either.
    client.post(f"/admin/library/import/{batch.pk}/commit/")
    assert ProductPage.objects.filter(title="Phóng sự mới", locale__language_code="en").count() == 1


def test_a_new_file_replaces_the_kept_one(seeded):
    client, _user = admin_client()
    client.post("/admin/library/import/", {"file": upload(), "language": "vi"})
    first = ImportBatch.objects.get()
    other = HEADER + ",Một mình,video,,\n"
    html = client.post(
        "/admin/library/import/", {"file": upload(other, "other.csv"), "batch": first.pk, "language": "vi"}
    ).content.decode()
    assert "1 rows: 1 new products, 0 updates." in html or "1 row" in html
    latest = ImportBatch.objects.latest("pk")
    assert latest.pk != first.pk and latest.filename == "other.csv"


def test_nobody_else_s_kept_file_can_be_used(seeded):
    _client, owner = admin_client("owner")
    ImportBatch.objects.create(user=owner, filename="theirs.csv", content=GOOD.encode(), language="vi")
    theirs = ImportBatch.objects.get()
    client, _user = admin_client("intruder")
    for value in (theirs.pk, "../../etc/passwd", "99999999999999999999", "1e3"):
        response = client.post("/admin/library/import/", {"batch": value, "language": "vi"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "The checked file is no longer kept: choose it again." in html
        assert "theirs.csv" not in html
    assert ImportBatch.objects.count() == 1


def test_a_form_without_file_or_kept_file_asks_for_one(seeded):
    client, _user = admin_client()
    html = client.post("/admin/library/import/", {"language": "vi"}).content.decode()
    assert "Choose a CSV or XLSX file." in html and not ImportBatch.objects.exists()


def test_a_kept_file_expires_after_a_day(seeded):
    client, _user = admin_client()
    client.post("/admin/library/import/", {"file": upload(), "language": "vi"})
    batch = ImportBatch.objects.get()
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=timezone.now() - timedelta(hours=25))
    html = client.post("/admin/library/import/", {"batch": batch.pk, "language": "vi"}).content.decode()
    assert "The checked file is no longer kept: choose it again." in html
    response = client.post(f"/admin/library/import/{batch.pk}/commit/")
    assert response.status_code == 410 and "no longer kept" in response.content.decode()
    assert not ProductPage.objects.filter(title="Phóng sự mới").exists()
    # The next check clears expired files away.
    client.post("/admin/library/import/", {"file": upload(), "language": "vi"})
    assert not ImportBatch.objects.filter(pk=batch.pk).exists()


# Links to what was created ------------------------------------------------------------------------


def test_created_identifiers_link_to_the_products(seeded):
    client, _user = admin_client()
    client.post("/admin/library/import/", {"file": upload(), "language": "vi"})
    batch = ImportBatch.objects.get()
    html = client.post(f"/admin/library/import/{batch.pk}/commit/").content.decode()
    created = ProductPage.objects.filter(title__in=["Phóng sự mới", "Áp phích mới"])
    assert created.count() == 2
    for product in created:
        assert f'<a href="/admin/pages/{product.pk}/edit/">{product.identifier}</a>' in html


# Likely duplicates -------------------------------------------------------------------------------


def test_re_checking_a_file_without_identifiers_warns_about_duplicates(seeded):
    first = importer.commit(rows(GOOD), vi())
    with translation.override("en"):
        report, _plans = importer.check(rows(GOOD), vi())
    assert report.ok and report.to_create == 2  # warned, not refused
    warnings = {(w.row, w.column): w.message for w in report.warnings}
    assert set(warnings) == {(2, "title"), (3, "title")}
    assert first.created[0] in warnings[(2, "title")] and "same title and date" in warnings[(2, "title")]
    assert first.created[1] in warnings[(3, "title")]


def test_rows_of_one_file_with_the_same_title_and_date_are_warned_about(seeded):
    text = (
        HEADER
        + ",Tập huấn mới,video,2026-03-01,\n"
        + ",TẬP HUẤN MỚI,video,2026-03-01,\n"  # the same title, differently written
        + ",Tập huấn mới,video,2026-04-01,\n"  # another date: another product
        + ",Tập huấn mới,video,,\n"  # no date: nothing to compare
        + ",Khác hẳn,video,2026-03-01,\n"
    )
    with translation.override("en"):
        report, _plans = importer.check(rows(text), vi())
    assert report.ok
    assert [(w.row, w.message) for w in report.warnings] == [
        (3, "Likely a duplicate of row 2 (same title and date).")
    ]


def test_rows_with_identifiers_are_not_warned_about(seeded):
    importer.commit(rows(GOOD), vi())
    product = ProductPage.objects.get(title="Phóng sự mới")
    text = HEADER + f"{product.identifier},Phóng sự mới,radio-reportage,2026-10-05,\n"
    report, _plans = importer.check(rows(text), vi())
    assert report.ok and report.warnings == []


def test_the_admin_shows_the_warnings_and_still_offers_the_import(seeded):
    importer.commit(rows(GOOD), vi())
    client, _user = admin_client()
    html = client.post("/admin/library/import/", {"file": upload(), "language": "vi"}).content.decode()
    assert "2 rows look like products that already exist." in html
    assert "/commit/" in html


# Accepted values -----------------------------------------------------------------------------------


def test_every_bad_choice_lists_what_is_accepted(seeded):
    text = (
        "title,product_type,channels,content_languages,conventions,licence,state_funded\n"
        "X,vid,fax,xx,CRX,ccc,maybe\n"
    )
    with translation.override("en"):
        report, _plans = importer.check(rows(text), vi())
    messages = {p.column: p.message for p in report.problems}
    assert set(messages) == {
        "product_type",
        "channels",
        "content_languages",
        "conventions",
        "licence",
        "state_funded",
    }
    assert "Accepted: one of the product type codes: article," in messages["product_type"]
    assert "CC-BY-4.0" in messages["licence"] and "CEDAW" in messages["conventions"]
    assert all("Accepted:" in message for message in messages.values())


def test_a_long_list_of_accepted_values_is_kept_short(seeded):
    with translation.override("en"):
        shown = importer.short_list([f"c{n}" for n in range(45)])
    assert shown.startswith("c0, c1,") and shown.endswith("c29 and 15 more")
