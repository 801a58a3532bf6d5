"""Images, documents and renditions in S3-compatible storage, over real HTTP (moto's server)."""

import io
import socket
import urllib.request

import boto3
import pytest
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import override_settings

from cms.settings import components
from home.models import CustomDocument, CustomImage

BUCKET = "nhanquyen-media"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    ).create_bucket(Bucket=BUCKET)
    yield endpoint
    server.stop()


def _http_get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


@pytest.mark.django_db
def test_image_document_and_rendition_round_trip_through_s3(s3_endpoint):
    storages = components.storages(
        bucket=BUCKET,
        endpoint_url=s3_endpoint,
        access_key="test",
        secret_key="test",
        region="us-east-1",
    )
    with override_settings(STORAGES={**settings.STORAGES, "default": storages["default"]}):
        buffer = io.BytesIO()
        PILImage.new("RGB", (640, 480), (155, 28, 28)).save(buffer, format="JPEG")
        image = CustomImage(title="Ảnh S3", alt_text="Ảnh đỏ")
        image.file.save("anh-s3.jpg", ImageFile(io.BytesIO(buffer.getvalue()), name="anh-s3.jpg"), save=False)
        image.save()
        document = CustomDocument(title="Tài liệu S3")
        document.file.save("tai-lieu.txt", ContentFile("Quyền con người".encode()), save=False)
        document.save()
        rendition = image.get_rendition("fill-200x150|format-webp")

        status, body = _http_get(image.file.url)
        assert status == 200 and body == buffer.getvalue()
        assert image.file.url.startswith(f"{s3_endpoint}/{BUCKET}/")

        status, body = _http_get(document.file.url)
        assert status == 200 and body.decode() == "Quyền con người"

        status, body = _http_get(rendition.url)
        assert status == 200
        with PILImage.open(io.BytesIO(body)) as served:
            assert served.format == "WEBP"
            assert served.size == (200, 150)

        keys = {
            item["Key"]
            for item in boto3.client(
                "s3",
                endpoint_url=s3_endpoint,
                aws_access_key_id="test",
                aws_secret_access_key="test",
                region_name="us-east-1",
            ).list_objects_v2(Bucket=BUCKET)["Contents"]
        }
        assert {image.file.name, document.file.name, rendition.file.name} <= keys
