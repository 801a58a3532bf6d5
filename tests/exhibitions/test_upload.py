"""Bulk upload: many photos or a zip at once, metadata prefilled, duplicates caught, bad files
refused with a reason, and nothing half-saved."""

import io
import struct
import zipfile
import zlib
from datetime import date

import pytest
from PIL import Image

from django.contrib.auth.models import Group, Permission
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Collection, GroupCollectionPermission
from wagtail.users.models import UserProfile

from exhibitions import photo_metadata, upload
from exhibitions.models import ExhibitionItem
from home.models import CustomImage
from tests.accounts import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Reasons are asserted in English; editors read them in their admin language."""
    with translation.override("en"):
        yield


XMP = """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
  photoshop:DateCreated="1998-09-02" photoshop:City="Châu Đốc" photoshop:State="An Giang">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Chợ nổi</rdf:li>
  <rdf:li xml:lang="vi">Chợ nổi Châu Đốc</rdf:li></rdf:Alt></dc:title>
<dc:description><rdf:Alt>
  <rdf:li xml:lang="x-default">Ghe thuyền họp chợ trên sông Hậu.</rdf:li></rdf:Alt></dc:description>
<dc:creator><rdf:Seq><rdf:li>Trần Thị Lan</rdf:li></rdf:Seq></dc:creator>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© Báo An Giang</rdf:li></rdf:Alt></dc:rights>
</rdf:Description></rdf:RDF></x:xmpmeta>"""


def _iptc_segment(records):
    """An APP13 Photoshop segment holding IPTC-IIM datasets ``{(2, n): bytes}``."""
    data = b"".join(b"\x1c" + bytes([r, n]) + struct.pack(">H", len(v)) + v for (r, n), v in records.items())
    if len(data) % 2:
        data += b"\x00"
    block = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(data)) + data
    payload = b"Photoshop 3.0\x00" + block
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def jpeg(colour=(10, 90, 160), size=(320, 240), *, exif=None, xmp=None, iptc=None):
    buffer = io.BytesIO()
    options = {"quality": 90}
    if exif is not None:
        options["exif"] = exif
    if xmp is not None:
        options["xmp"] = xmp.encode()
    Image.new("RGB", size, colour).save(buffer, format="JPEG", **options)
    data = buffer.getvalue()
    if iptc:
        data = data[:2] + _iptc_segment(iptc) + data[2:]
    return data


def exif_block(**tags):
    exif = Image.Exif()
    for tag, value in tags.items():
        exif[int(tag[1:], 16)] = value
    return exif


def _upload(name, data):
    return SimpleUploadedFile(name, data)


def _state():
    return (
        CustomImage.objects.count(),
        ExhibitionItem.objects.count(),
        sorted(default_storage.listdir("original_images")[1])
        if default_storage.exists("original_images")
        else [],
    )


def test_xmp_wins_then_iptc_then_exif():
    exif = exif_block(x010E="EXIF caption", x013B="EXIF Artist", x8298="EXIF copyright")
    exif.get_ifd(0x8769)[0x9003] = "2001:02:03 04:05:06"
    data = jpeg(exif=exif, iptc={(2, 5): "Tựa IPTC".encode(), (2, 80): "Lê Văn Tâm".encode()}, xmp=XMP)
    with Image.open(io.BytesIO(data)) as image:
        found = photo_metadata.read(image)
    assert found.title == "Chợ nổi Châu Đốc"  # the vi alternative of the XMP title
    assert found.caption == "Ghe thuyền họp chợ trên sông Hậu."
    assert found.creator == "Trần Thị Lan" and found.copyright == "© Báo An Giang"
    assert (found.taken, found.date_text) == (date(1998, 9, 2), "2/9/1998")
    assert found.place == "Châu Đốc, An Giang"

    with Image.open(io.BytesIO(jpeg(exif=exif, iptc={(2, 5): "Tựa IPTC".encode()}))) as image:
        found = photo_metadata.read(image)
    assert found.title == "Tựa IPTC" and found.creator == "EXIF Artist"
    assert (found.taken, found.date_text) == (date(2001, 2, 3), "3/2/2001")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2019:05:04 10:11:12", date(2019, 5, 4)), ("19900228", date(1990, 2, 28)), ("1975", date(1975, 1, 1))],
)
def test_dates_in_every_metadata_format(text, expected):
    assert photo_metadata.parse_date(text)[0] == expected
    assert photo_metadata.parse_date("2019:13:45") == (None, "")


def test_files_become_draft_items_with_prefilled_fields(seeded):
    reports = upload.process(
        [_upload("cho-noi.jpg", jpeg(xmp=XMP)), _upload("IMG_0042.JPG", jpeg(colour=(200, 10, 10)))],
        defaults=upload.Defaults(creator="Phóng viên Báo An Giang", source="Kho ảnh Báo An Giang"),
    )
    assert [r.status for r in reports] == ["accepted", "accepted"]
    first, second = (r.item for r in reports)
    assert not first.live and first.latest_revision is not None
    assert (first.title, first.creator, first.rights, first.place) == (
        "Chợ nổi Châu Đốc",
        "Trần Thị Lan",
        "© Báo An Giang",
        "Châu Đốc, An Giang",
    )
    assert first.date_from == date(1998, 9, 2) and first.image.file_hash
    assert set(reports[0].found) >= {"title", "caption", "creator", "copyright", "taken", "place"}
    assert (second.title, second.creator, second.source) == (
        "IMG_0042",
        "Phóng viên Báo An Giang",
        "Kho ảnh Báo An Giang",
    )
    assert not ExhibitionItem.objects.shown().filter(pk__in=[first.pk, second.pk]).exists()


def test_zip_archives_and_duplicates(seeded):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("album/a.jpg", jpeg(colour=(1, 2, 3)))
        bundle.writestr("album/b.png", _png())
        bundle.writestr("album/same-as-a.jpg", jpeg(colour=(1, 2, 3)))
        bundle.writestr("__MACOSX/album/._a.jpg", b"junk")
        bundle.writestr("album/notes.txt", b"not a picture")
    reports = upload.process([_upload("album.zip", archive.getvalue())])
    by_name = {r.name: r for r in reports}
    assert by_name["album.zip › album/a.jpg"].status == "accepted"
    assert by_name["album.zip › album/b.png"].status == "accepted"
    assert by_name["album.zip › album/same-as-a.jpg"].status == "duplicate"
    assert by_name["album.zip › album/notes.txt"].status == "rejected"
    assert len(reports) == 4
    again = upload.process([_upload("a-again.jpg", jpeg(colour=(1, 2, 3)))])
    assert again[0].status == "duplicate" and again[0].existing is not None


def _png(size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 200, 0)).save(buffer, format="PNG")
    return buffer.getvalue()


def _png_bomb(width=100_000, height=100_000):
    """A tiny PNG whose header claims ten billion pixels."""

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def _broken_exif():
    data = jpeg(exif=exif_block(x010E="caption"))
    start = data.index(b"Exif\x00\x00") + 6
    return data[:start] + b"XX\x00\x2a" + data[start + 4 :]


def _truncated():
    data = jpeg(size=(800, 600))
    return data[: len(data) // 2]


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("photo.jpg", b"%PDF-1.7 not really a photo", "not an image"),
        ("drawing.jpg", SVG, "not an image"),
        ("bomb.png", _png_bomb(), "decompression bomb"),
        ("broken-exif.jpg", _broken_exif(), "EXIF"),
        ("half.jpg", _truncated(), "damaged"),
        ("tiff.jpg", b"II*\x00" + b"\x00" * 64, ""),
    ],
)
def test_bad_files_are_rejected_with_a_reason_and_nothing_is_kept(seeded, name, data, reason):
    before = _state()
    reports = upload.process([_upload(name, data)])
    assert [r.status for r in reports] == ["rejected"]
    assert reason.lower() in reports[0].message.lower() and reports[0].message
    assert _state() == before


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=10_000)
def test_files_over_the_size_limit_are_rejected(seeded):
    before = _state()
    reports = upload.process([_upload("big.jpg", jpeg(size=(1200, 900)))])
    assert reports[0].status == "rejected" and "MB" in reports[0].message
    assert _state() == before


def test_a_failure_while_saving_removes_the_stored_file(seeded, monkeypatch):
    before = _state()

    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(ExhibitionItem, "save_revision", fail)
    reports = upload.process([_upload("ok.jpg", jpeg(colour=(9, 9, 9)))])
    assert reports[0].status == "rejected" and "nothing was kept" in reports[0].message
    assert _state() == before


def test_admin_upload_reports_every_file(admin_client, admin_user, seeded):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    url = reverse("exhibitions_upload")
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "files": [_upload("one.jpg", jpeg(colour=(50, 60, 70))), _upload("bad.jpg", b"nope")],
            "kind": "photo",
            "creator": "Nhiếp ảnh gia",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 accepted as draft items, 0 duplicates skipped, 1 rejected." in html
    assert "one.jpg" in html and "bad.jpg" in html and "It is not an image." in html
    assert ExhibitionItem.objects.filter(title="one", live=False, creator="Nhiếp ảnh gia").exists()
    empty = admin_client.post(url, {"kind": "photo"})
    assert list(empty.context["form"].errors) == ["files"]


def test_upload_needs_permission_to_add_items_and_images(client, seeded, django_user_model):
    user = django_user_model.objects.create_user("viewer", "viewer@example.org", "a-long-password-1")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in(client, user)
    url = reverse("exhibitions_upload")
    before = _state()
    for response in (
        client.get(url, follow=True),
        client.post(url, {"files": [_upload("x.jpg", jpeg())], "kind": "photo"}, follow=True),
    ):
        # Wagtail's admin answers a refusal by sending the editor back to the dashboard with a message.
        assert response.redirect_chain[-1][0] == "/admin/"
        assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert _state() == before
    group = Group.objects.create(name="Exhibition uploaders")
    group.permissions.add(Permission.objects.get(codename="add_exhibitionitem"))
    # Wagtail grants image permissions per collection.
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_image"),
    )
    user.groups.add(group)
    assert client.get(url).status_code == 200
