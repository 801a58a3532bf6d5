"""External translators: export PO/XLIFF, import the translated file with a report; never overwrite
a human edit silently; refuse files for another page, another language, or damaged files."""

import io
import zipfile
from datetime import timedelta

import polib
import pytest
from defusedxml import ElementTree

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from home.models import StandardPage
from translations import exchange

pytestmark = pytest.mark.django_db

NS = {"x": exchange.XLIFF_NS}


@pytest.fixture
def page(seeded):
    """A Vietnamese page with no Khmer translation yet."""
    home = StandardPage.objects.get(locale__language_code="vi", slug="gioi-thieu").get_parent()
    page = StandardPage(
        title="Quyền được thông tin", slug="quyen-thong-tin", intro="Người dân có quyền tiếp cận thông tin."
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def khmer():
    return Locale.objects.get(language_code="km")


def _strings(translation):
    return StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=translation.source.object_id
    )


def _translated_po(page, replacements):
    name, data, _type = exchange.export_po([exchange.prepare(page, khmer())])
    po = polib.pofile(data.decode())
    for entry in po:
        entry.msgstr = replacements.get(entry.msgid, entry.msgstr)
    return name, str(po).encode()


def test_po_round_trip_creates_a_draft_translation(page, admin_user):
    name, data = _translated_po(page, {"Quyền được thông tin": "សិទ្ធិទទួលបានព័ត៌មាន"})
    [report] = exchange.import_file(name, data, user=admin_user)
    assert report.added == ["Quyền được thông tin"] and not report.conflicts
    target = page.get_translation(khmer())
    assert not target.live and target.get_latest_revision_as_object().title == "សិទ្ធិទទួលបានព័ត៌មាន"
    again = exchange.import_file(name, data, user=admin_user)[0]
    assert again.unchanged == 1 and not again.added and not again.changed


def test_xliff_batch_export_and_import(page, admin_user):
    other = StandardPage.objects.get(locale__language_code="vi", slug="gioi-thieu")
    translations = [exchange.prepare(p, khmer()) for p in (page, other)]
    name, data, content_type = exchange.export_xliff(translations)
    assert content_type == "application/x-xliff+xml" and name.endswith(".xlf")
    root = ElementTree.fromstring(data)
    files = root.findall("x:file", NS)
    assert len(files) == 2 and {f.get("target-language") for f in files} == {"km"}
    unit = files[0].find("x:body/x:trans-unit", NS)
    unit.find("x:target", NS).text = "សិទ្ធិទទួលបានព័ត៌មាន"
    from xml.etree.ElementTree import tostring

    reports = exchange.import_file("back.xlf", tostring(root), user=admin_user)
    assert len(reports) == 2 and reports[0].added


def test_an_edit_made_here_after_the_export_is_not_overwritten_silently(page, admin_user):
    name, data = _translated_po(page, {"Quyền được thông tin": "ចំណងជើងដំបូង"})
    exchange.import_file(name, data, user=admin_user)
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=khmer())
    name, exported = _translated_po(page, {})  # a translator starts from this export…
    po = polib.pofile(exported.decode())
    po.find("Quyền được thông tin").msgstr = "ការបកប្រែពីអ្នកបកប្រែ"
    edited = _strings(translation).get(translation_of__data="Quyền được thông tin")
    edited.data = "កែដោយអ្នកកែសម្រួល"  # …while an editor changes the same string here
    edited.updated_at = timezone.now() + timedelta(seconds=5)
    edited.save()
    [report] = exchange.import_file(name, str(po).encode(), user=admin_user)
    assert report.conflicts == [("Quyền được thông tin", "កែដោយអ្នកកែសម្រួល", "ការបកប្រែពីអ្នកបកប្រែ")]
    assert _strings(translation).get(pk=edited.pk).data == "កែដោយអ្នកកែសម្រួល"
    [report] = exchange.import_file(name, str(po).encode(), user=admin_user, overwrite=True)
    assert report.changed and _strings(translation).get(pk=edited.pk).data == "ការបកប្រែពីអ្នកបកប្រែ"


def _count():
    return StringTranslation.objects.count()


@pytest.mark.parametrize(
    "problem",
    ["wrong page", "wrong language", "corrupt po", "corrupt xliff", "not exported here", "empty", "binary"],
)
def test_bad_files_are_refused_and_change_nothing(page, admin_user, problem):
    other = StandardPage.objects.get(locale__language_code="vi", slug="gioi-thieu")
    name, data = _translated_po(page, {"Quyền được thông tin": "សិទ្ធិ"})
    expected = None
    if problem == "wrong page":
        expected = other
    elif problem == "wrong language":
        data = data.replace(b'"Language: km', b'"Language: en')
    elif problem == "corrupt po":
        data = data[: len(data) // 3] + b'\nmsgid "unterminated'
    elif problem == "corrupt xliff":
        name, data = "bad.xlf", b"<xliff version='1.2'><file><body><trans-unit>"
    elif problem == "not exported here":
        data = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n'
    elif problem == "empty":
        data = b""
    else:
        data = b"\xff\xfe\x00binary"
    before = _count()
    with pytest.raises(exchange.ExchangeError) as error:
        exchange.import_file(name, data, user=admin_user, expected=expected)
    assert str(error.value)
    assert _count() == before and page.get_translation_or_none(khmer()) is None


def test_admin_export_and_import_views(admin_client, page):
    export = admin_client.get(
        reverse("translations_export", args=[page.pk]), {"language": "km", "file_format": "po"}
    )
    assert export.status_code == 200 and "attachment" in export["Content-Disposition"]
    po = polib.pofile(export.content.decode())
    po.find("Quyền được thông tin").msgstr = "សិទ្ធិទទួលបានព័ត៌មាន"
    upload = io.BytesIO(str(po).encode())
    upload.name = "km.po"
    response = admin_client.post(reverse("translations_import"), {"file": upload})
    assert response.status_code == 200 and response.context["reports"][0].added
    batch = admin_client.get(
        reverse("translations_export", args=[0]), {"language": "km", "file_format": "po"}
    )
    assert batch["Content-Type"] == "application/zip"
    assert len(zipfile.ZipFile(io.BytesIO(batch.content)).namelist()) > 5
    bad = io.BytesIO(b"not a translation")
    bad.name = "x.po"
    refused = admin_client.post(reverse("translations_import"), {"file": bad})
    assert refused.status_code == 200 and refused.context["form"].errors["file"]
