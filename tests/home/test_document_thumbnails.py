"""PDF documents get a first-page thumbnail; anything else, or a broken PDF, simply gets none."""

import io

import pytest
from PIL import Image

from django.core.files.base import ContentFile

from home.models import CustomDocument
from library.models import ProductPage

pytestmark = pytest.mark.django_db


def _pdf():
    buffer = io.BytesIO()
    Image.new("RGB", (595, 842), (200, 30, 30)).save(buffer, format="PDF")
    return buffer.getvalue()


def _document(name, content):
    document = CustomDocument(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    document.refresh_from_db()
    return document


def test_pdf_gets_a_jpeg_thumbnail_of_its_first_page(seeded):
    document = _document("tai-lieu.pdf", _pdf())
    assert document.thumbnail
    with document.thumbnail.open() as handle, Image.open(handle) as image:
        assert image.format == "JPEG" and image.width == 360
        assert image.getpixel((180, 200))[0] > 150


@pytest.mark.parametrize(
    ("name", "content"), [("broken.pdf", b"%PDF-1.4 not really"), ("notes.txt", b"hello")]
)
def test_other_or_broken_files_get_no_thumbnail_and_no_error(seeded, name, content):
    assert not _document(name, content).thumbnail


def test_product_page_shows_the_thumbnail_and_a_download_link(client, seeded):
    leaflet = ProductPage.objects.get(locale__language_code="vi", slug="to-roi-phong-chong-mua-ban-nguoi")
    html = client.get(leaflet.url).content.decode()
    assert 'class="document-link__thumb"' in html and "document_thumbnails/" in html
    assert "First page of" in html or "Trang đầu" in html
