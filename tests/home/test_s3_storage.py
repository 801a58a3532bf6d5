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
from django.core.files.storage import default_storage
from django.test import Client, override_settings

from wagtail.models import Locale

from cms.settings import components
from exhibitions.models import ExhibitionItem
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
def test_image_document_and_rendition_round_trip_through_s3(s3_endpoint, admin_client):
    """Files live in a private bucket and are linked through the site's checking view, which
    redirects to a signed address: a reader gets renditions, never originals or withheld photos."""
    storages = components.storages(
        bucket=BUCKET,
        endpoint_url=s3_endpoint,
        access_key="test",
        secret_key="test",
        region="us-east-1",
    )
    client = Client()  # a reader (admin_client signs in pytest's own client)
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
        assert rendition.url == f"/media/{rendition.file.name}"  # the checking view, not the bucket

        response = client.get(rendition.url)
        assert response.status_code == 302 and "Signature=" in response["Location"]
        assert response["Location"].startswith(f"{s3_endpoint}/{BUCKET}/")
        status, body = _http_get(response["Location"])
        assert status == 200
        with PILImage.open(io.BytesIO(body)) as served:
            assert served.format == "WEBP"
            assert served.size == (200, 150)

        assert client.get(image.file.url).status_code == 404  # originals are for editors
        response = admin_client.get(image.file.url)
        assert response.status_code == 302
        assert _http_get(response["Location"]) == (200, buffer.getvalue())

        # Once a photograph is withheld for consent, not even its renditions are handed out.
        ExhibitionItem.objects.create(
            locale=Locale.get_default(), image=image, title="Ảnh", identifiable_people=True, live=False
        )
        assert client.get(rendition.url).status_code == 404
        assert admin_client.get(rendition.url).status_code == 302

        status, body = _http_get(default_storage.signed_url(document.file.name))
        assert status == 200 and body.decode() == "Quyền con người"

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
