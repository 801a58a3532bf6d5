"""Bulk import: dry run with a report by row and column, all-or-nothing commit, update by identifier
(identifiers are issued by the site: a file only names existing ones)."""

import io

import pytest
from openpyxl import Workbook

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation

from wagtail.models import Locale

from library import importer
from library.models import ImportBatch, ProductPage
from tests.accounts import sign_in

pytestmark = pytest.mark.django_db

HEADER = (
    "identifier,title,product_type,channels,content_languages,conventions,provinces,producer,"
    "published_on,duration_minutes,state_funded\n"
)
GOOD = (
    HEADER
    + ",Phóng sự Khmer,radio-reportage,radio;social,khm;vie,CRC;CEDAW,"
    + "bac giang;An Giang,bao-an-giang,2026-10-05,12,có\n"
    + ",Áp phích mới,poster,,vie,,Thừa Thiên Huế,,05/11/2026,,no\n"
)


def vi():
    return Locale.objects.get(language_code="vi")


def rows(text, name="products.csv"):
    return importer.read_rows(name, text.encode())


def test_dry_run_changes_nothing_and_counts(seeded):
    before = ProductPage.objects.count()
    report, _plans = importer.check(rows(GOOD), vi())
    assert report.ok and (report.rows, report.to_create, report.to_update) == (2, 2, 0)
    assert ProductPage.objects.count() == before


def test_commit_creates_drafts_with_every_field(seeded):
    report = importer.commit(rows(GOOD), vi())
    assert report.ok and len(report.created) == 2
    product = ProductPage.objects.get(title="Phóng sự Khmer")
    assert not product.live and product.identifier in report.created
    assert product.identifier.startswith("AG-2026-")  # issued by the site, from the publication year
    revision = product.get_latest_revision_as_object()
    assert revision.title == "Phóng sự Khmer"
    assert revision.duration_minutes == 12 and revision.state_funded is True
    assert {c.code for c in revision.channels.all()} == {"radio", "social"}
    assert {language.code for language in revision.languages.all()} == {"khm", "vie"}
    assert {tag.province.reference for tag in revision.province_tags.all()} == {
        "former-24",
        "current-an-giang",
    }
    poster = ProductPage.objects.get(title="Áp phích mới")
    assert poster.identifier.startswith("AG-2026-")
    assert {t.province.reference for t in poster.get_latest_revision_as_object().province_tags.all()} == {
        "current-hue"
    }


def test_reimporting_updates_instead_of_duplicating(seeded):
    first = importer.commit(rows(GOOD), vi(), publish=True)
    count = ProductPage.objects.count()
    drama = ProductPage.objects.get(title="Phóng sự Khmer").identifier
    changed = GOOD.replace(",Phóng sự Khmer", f"{drama},Phóng sự Khmer (bản sửa)")
    report = importer.commit(rows(changed), vi(), publish=True)
    assert report.ok
    assert ProductPage.objects.count() == count + 1  # the identifier-less poster row is new again
    assert report.updated == [drama] and drama in first.created
    product = ProductPage.objects.get(identifier=drama)
    assert product.title == "Phóng sự Khmer (bản sửa)" and product.live


def test_one_bad_row_changes_nothing_and_every_problem_is_reported(seeded):
    existing = ProductPage.objects.filter(locale=vi()).order_by("pk").first().identifier
    bad = (
        HEADER
        + f"{existing},Tốt,video,,vie,,an-giang,,2026-01-01,,\n"
        + ",,video,fax,xx,CRC,Atlantis,nobody,31/02/2026,-5,maybe\n"
        + f"{existing},Trùng,unknown-type,,,,,,,,\n"
        + "not-an-id,Sai mã,video,,,,,,,,\n"
    )
    before = ProductPage.objects.count()
    report = importer.commit(rows(bad), vi())
    assert not report.ok and ProductPage.objects.count() == before
    found = {(p.row, p.column) for p in report.problems}
    assert {
        (3, "title"),
        (3, "channels"),
        (3, "content_languages"),
        (3, "provinces"),
        (3, "producer"),
        (3, "published_on"),
        (3, "duration_minutes"),
        (3, "state_funded"),
        (4, "product_type"),
        (4, "identifier"),
        (5, "identifier"),
    } <= found
    assert (2, "title") not in found


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("products.pdf", b"%PDF-1.4", "Upload a .csv or .xlsx file."),
        ("products.csv", b"\xff\xfe\x00bad", "not UTF-8"),
        ("products.csv", b"", "no header"),
        (
            "products.csv",
            b"title,colour\nA,red\n",
            "Unknown columns: “colour”. Accepted columns: identifier,",
        ),
        ("products.csv", b"description\nA\n", "Missing columns: title, product_type"),
        ("products.xlsx", b"not a zip", "cannot be opened"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(seeded, name, content, message):
    with translation.override("en"), pytest.raises(importer.ImportFileError, match=message):
        importer.read_rows(name, content)


def test_xlsx_and_exported_csv_round_trip(client, seeded):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["title", "product_type", "published_on", "conventions"])
    sheet.append(["Sách mới", "book", None, "CRPD"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = importer.commit(importer.read_rows("p.xlsx", buffer.getvalue()), vi(), publish=True)
    assert report.ok and len(report.created) == 1
    exported = b"".join(client.get("/vi/library/export/csv/").streaming_content)
    before = ProductPage.objects.count()
    report = importer.commit(importer.read_rows("export.csv", exported), vi(), publish=True)
    assert report.ok, report.problems
    assert ProductPage.objects.count() == before and len(report.updated) == 7


def test_admin_import_dry_run_then_commit(client, seeded):
    sign_in(
        client, get_user_model().objects.create_superuser("lib", "lib@example.org", "a-long-test-password")
    )
    upload = SimpleUploadedFile("products.csv", GOOD.encode(), content_type="text/csv")
    response = client.post("/admin/library/import/", {"file": upload, "language": "vi"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 rows: 2 new products, 0 updates." in html or "2 dòng" in html
    batch = ImportBatch.objects.get()
    assert ProductPage.objects.filter(title="Phóng sự Khmer").count() == 0
    response = client.post(f"/admin/library/import/{batch.pk}/commit/")
    assert response.status_code == 200
    assert ProductPage.objects.filter(title="Phóng sự Khmer").count() == 1
    assert client.post(f"/admin/library/import/{batch.pk}/commit/").status_code == 404


def test_admin_import_shows_problems_and_offers_no_commit(client, seeded):
    sign_in(
        client, get_user_model().objects.create_superuser("lib2", "l2@example.org", "a-long-test-password")
    )
    upload = SimpleUploadedFile(
        "p.csv", (HEADER + ",Thiếu loại,,,,,,,,,\n").encode(), content_type="text/csv"
    )
    html = client.post("/admin/library/import/", {"file": upload, "language": "vi"}).content.decode()
    assert "product_type" in html and "library/import/" in html
    assert "/commit/" not in html


def test_import_needs_permission(client, seeded):
    user = get_user_model().objects.create_user("reader", "r@example.org", "a-long-test-password")
    user.is_staff = True
    user.save()
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in(client, user)
    upload = SimpleUploadedFile("p.csv", GOOD.encode(), content_type="text/csv")
    response = client.post("/admin/library/import/", {"file": upload, "language": "vi"})
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "no permission"
    assert not ImportBatch.objects.exists()


def test_management_command(seeded, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command("import_products", str(path), stdout=out)
    assert "dry run" in out.getvalue() and not ProductPage.objects.filter(title="Phóng sự Khmer").exists()
    call_command("import_products", str(path), "--commit", stdout=io.StringIO())
    assert ProductPage.objects.filter(title="Phóng sự Khmer").exists()
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + ",,,,,,,,,,\n,x,fax,,,,,,,,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="problem"):
        call_command("import_products", str(bad), "--commit", stdout=io.StringIO(), stderr=io.StringIO())


def test_a_file_of_a_few_columns_updates_those_and_keeps_the_rest(seeded):
    product = ProductPage.objects.live().filter(locale__language_code="vi").exclude(description="").first()
    before = {
        "description": product.description,
        "channels": set(product.channels.values_list("pk", flat=True)),
        "conventions": set(product.conventions.values_list("pk", flat=True)),
        "provinces": set(product.province_tags.values_list("province_id", flat=True)),
    }
    assert before["conventions"] and before["provinces"]
    text = f"identifier,title,product_type\n{product.identifier},Tên mới,{product.product_type.code}\n"
    report = importer.commit(rows(text), vi(), publish=True)
    assert report.ok and report.updated == [product.identifier], report
    product = ProductPage.objects.get(pk=product.pk)
    assert product.title == "Tên mới"
    assert product.description == before["description"]
    assert set(product.channels.values_list("pk", flat=True)) == before["channels"]
    assert set(product.conventions.values_list("pk", flat=True)) == before["conventions"]
    assert set(product.province_tags.values_list("province_id", flat=True)) == before["provinces"]
    # A column that is there and empty clears the field.
    code = product.product_type.code
    cleared = f"identifier,title,product_type,conventions\n{product.identifier},Tên mới,{code},\n"
    assert importer.commit(rows(cleared), vi(), publish=True).ok
    assert not ProductPage.objects.get(pk=product.pk).conventions.exists()
