"""Document uploads: archives are measured by the bytes they really unpack to, and every refusal
is one short message in the uploader's language (never also 'File extension “” is not allowed')."""

import io
import struct
import zipfile

import pytest

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from django.template.defaultfilters import filesizeformat
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from newsroom import uploads
from tests.accounts import sign_in

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def archive(members, method=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as package:
        for name, content in members.items():
            package.writestr(name, content)
    return buffer.getvalue()


def lying(data, claimed=1000):
    """``data`` with every member's uncompressed size in its headers replaced by ``claimed``."""
    patched = bytearray(data)
    for member in zipfile.ZipFile(io.BytesIO(data)).infolist():
        struct.pack_into("<I", patched, member.header_offset + 22, claimed)  # local header
    directory = patched.find(b"PK\x01\x02")
    while directory != -1:
        struct.pack_into("<I", patched, directory + 24, claimed)  # central directory entry
        directory = patched.find(b"PK\x01\x02", directory + 4)
    return bytes(patched)


def docx(body=b"<w:document/>"):
    return archive({"[Content_Types].xml": b"<Types/>", "word/document.xml": body})


LYING_BOMB = lying(docx(b"\0" * (60 * MB)))


@pytest.fixture
def uploader(seeded):
    def signed_in(language="vi"):
        user = get_user_model().objects.create_superuser(
            f"docs-{language}", f"docs-{language}@example.org", "a-long-test-password"
        )
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client = Client()
        sign_in(client, user)
        return client

    return signed_in


def upload(client, name, content):
    count = get_document_model().objects.count()
    response = client.post(
        reverse("wagtaildocs:add"), {"title": "Tư liệu", "file": SimpleUploadedFile(name, content)}
    )
    saved = get_document_model().objects.count() - count
    errors = response.context["form"].errors.get("file", []) if response.status_code == 200 else []
    return response.status_code, saved, list(errors)


# Measuring archives ------------------------------------------------------------------------------


def test_the_lying_headers_claim_a_small_file():
    assert sum(m.file_size for m in zipfile.ZipFile(io.BytesIO(LYING_BOMB)).infolist()) == 2000
    assert len(LYING_BOMB) < 100 * 1024


def test_unpacked_size_counts_the_bytes_really_decompressed():
    honest = docx(b"x" * 5000)
    assert uploads.unpacked_size(honest, 10 * MB) == 8 + 5000
    assert uploads.unpacked_size(lying(docx(b"y" * 70_000), claimed=10), 10 * MB) == 8 + 70_000
    limit = 6 * MB
    assert limit < uploads.unpacked_size(LYING_BOMB, limit) <= limit + 64 * 1024  # stops at the limit


def test_unreadable_archives_are_none():
    assert uploads.unpacked_size(b"PK\x03\x04 not really", 10 * MB) is None
    assert uploads.unpacked_size(docx()[:-30], 10 * MB) is None  # cut off: no central directory


def test_stored_members_count_their_stored_bytes():
    stored = archive({"[Content_Types].xml": b"<Types/>", "a.bin": b"z" * 4096}, method=zipfile.ZIP_STORED)
    assert uploads.unpacked_size(stored, 10 * MB) == 8 + 4096


# Through the admin --------------------------------------------------------------------------------


def test_a_docx_whose_headers_understate_its_size_is_refused(uploader):
    status, saved, errors = upload(uploader("en"), "lyingbomb.docx", LYING_BOMB)
    assert (status, saved) == (200, 0)
    with translation.override("en"):
        limit, cap = filesizeformat(100 * len(LYING_BOMB)), filesizeformat(500 * MB)
    assert errors == [
        f"Refused as unsafe: this file unpacks to more than {limit}. A file may unpack to at most 100 times "
        f"its own size, and never to more than {cap}."
    ]


def test_an_honest_docx_is_accepted(uploader):
    status, saved, _errors = upload(
        uploader(), "bao-cao.docx", docx(b"<w:document>" + b"a" * 2000 + b"</w:document>")
    )
    assert (status, saved) == (302, 1)


@pytest.mark.parametrize(
    ("name", "content", "english"),
    [
        ("bao-cao.pdf", b"<html><script>alert(1)</script></html>", "This file's content is not a .pdf file."),
        ("tu-lieu.docx", b"not a zip", "This file's content is not a .docx file."),
        ("chuong-trinh.exe", b"MZ\x90\x00", "File extension “exe” is not allowed."),
        ("khong-duoi", b"%PDF-1.4", "File extension “” is not allowed."),
        ("lyingbomb.docx", LYING_BOMB, "Refused as unsafe:"),
    ],
)
def test_each_refusal_is_one_message_in_the_uploaders_language(uploader, name, content, english):
    status, saved, errors = upload(uploader("en"), name, content)
    assert (status, saved) == (200, 0)
    assert len(errors) == 1 and errors[0].startswith(english), errors
    if "exe" in name:
        assert "Allowed extensions are: pdf, doc, docx" in errors[0]
    _status, _saved, vietnamese = upload(uploader("vi"), name, content)
    assert len(vietnamese) == 1 and vietnamese != errors, vietnamese


def test_an_over_large_document_is_one_message(uploader, settings):
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 1 * MB
    status, saved, errors = upload(uploader("en"), "lon.pdf", b"%PDF-1.4\n" + b"0" * (2 * MB))
    assert (status, saved, errors) == (200, 0, ["This file is larger than 1 MB."])


# Upstream ---------------------------------------------------------------------------------------


def test_wagtail_11802_is_still_open(seeded):
    """Wagtail alone: a file field that refuses the upload also gets the empty-extension message.
    When this fails, upstream has fixed it: delete newsroom/wagtail_11802.py and its call."""

    class Refusing(BaseDocumentForm):
        def clean_file(self):
            raise forms.ValidationError("refused")

    form_class = modelform_factory(
        get_document_model(), form=Refusing, fields=["title", "file", "collection"]
    )
    data = {"title": "x", "collection": Collection.get_first_root_node().pk}
    form = form_class(data, {"file": SimpleUploadedFile("x.pdf", b"%PDF-1.4")})
    with translation.override("en"):
        assert not form.is_valid()
    assert form.errors["file"][0] == "refused"
    with translation.override("en"):
        assert any("File extension “” is not allowed" in str(message) for message in form.errors["file"][1:])


# Images ------------------------------------------------------------------------------------------


def _jpeg(size=(120, 80)):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 60, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content",
    [_jpeg()[: len(_jpeg()) // 2], _jpeg()[:400], _jpeg()[:200] + b"\x00" * 600],
    ids=["half", "header and a little", "header then zeros"],
)
def test_a_damaged_image_is_one_message_not_a_server_error(uploader, content):
    """Found by the fuzz suite (tests/fuzz, 'admin: images'): a cut-short JPEG answered 500."""
    from wagtail.images import get_image_model

    client = uploader("vi")
    count = get_image_model().objects.count()
    response = client.post(
        reverse("wagtailimages:add"), {"title": "Ảnh hỏng", "file": SimpleUploadedFile("anh.jpg", content)}
    )
    assert response.status_code == 200
    assert get_image_model().objects.count() == count
    with translation.override("vi"):
        expected = str(uploads.wagtail_1354.DAMAGED)
    assert list(response.context["form"].errors["file"]) == [expected]
    good = client.post(
        reverse("wagtailimages:add"), {"title": "Ảnh lành", "file": SimpleUploadedFile("anh.jpg", _jpeg())}
    )
    assert good.status_code == 302 and get_image_model().objects.count() == count + 1


def test_wagtail_1354_is_still_open(seeded):
    """Wagtail alone does not refuse a JPEG cut short after its header: it accepts it or fails
    with OSError (a 500). When this fails, upstream refuses such files with a form error: delete
    newsroom/wagtail_1354.py and its use."""
    from django.core.exceptions import ValidationError

    from wagtail.images.fields import WagtailImageField

    refused = False
    for content in (_jpeg()[: len(_jpeg()) // 2], _jpeg()[:400]):
        try:
            WagtailImageField().clean(SimpleUploadedFile("anh.jpg", content))
        except ValidationError:
            refused = True
        except OSError:
            pass
    assert not refused
