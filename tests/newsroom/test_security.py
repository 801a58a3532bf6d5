"""Accounts, HTTP headers and uploads: each control, and the refusal a bad request gets."""

import io
import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from newsroom import invitations
from tests.accounts import current_code, sign_in

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def _login(client, username, password, address="203.0.113.5"):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


# Accounts ---------------------------------------------------------------------------------------


def test_five_wrong_passwords_pause_the_account_even_from_other_addresses(client, people):
    for attempt in range(5):
        _login(client, "bientap", "wrong", address=f"203.0.113.{attempt}")
    response = _login(client, "bientap", PASSWORD, address="198.51.100.7")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "15" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_five_wrong_passwords_from_one_address_pause_that_address_for_every_account(client, people):
    for username in ("a", "b", "c", "d", "e"):
        _login(client, username, "wrong", address="192.0.2.9")
    assert _login(client, "bientap", PASSWORD, address="192.0.2.9").status_code == 429
    assert _login(Client(), "bientap", PASSWORD, address="192.0.2.10").status_code == 302


def test_a_correct_password_clears_the_count(client, people):
    for _attempt in range(4):
        _login(client, "bientap", "wrong")
    assert _login(client, "bientap", PASSWORD).status_code == 302
    for _attempt in range(4):
        _login(Client(), "bientap", "wrong")
    assert _login(Client(), "bientap", PASSWORD).status_code == 302


@override_settings(TRUSTED_PROXY_HOPS=1)
def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(client, people):
    for _attempt in range(5):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": "x", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="1.1.1.1, 192.0.2.50",  # the first part is the visitor's to forge
        )
    other_visitor = Client().post(
        reverse("wagtailadmin_login"),
        {"username": "bientap", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.51",
    )
    assert other_visitor.status_code == 302


@pytest.mark.parametrize("password", ["short", "password1234", "123456789012345", "bientap2026!"])
def test_weak_passwords_are_refused(people, password):
    with pytest.raises(ValidationError):
        validate_password(password, people["editor"])


def test_reviewers_and_administrators_enrol_through_their_invitation_then_confirm_a_code(client, people):
    reviewer = people["reviewer"]
    sign_in(client, reviewer, verified=False)
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("newsroom_2fa_setup"))
    notice = client.get(response["Location"])
    assert notice.status_code == 200 and b"<svg" not in notice.content, "no enrolment after a password"

    invitations.reissue(reviewer)
    form_url = client.get(invitations.invitation_path(reviewer))["Location"]
    page = client.get(form_url)
    assert b"<svg" in page.content
    device = TOTPDevice.objects.get(user=reviewer, confirmed=False)
    data = {"password1": PASSWORD, "password2": PASSWORD}
    wrong = client.post(form_url, {**data, "token": "000000"})
    assert wrong.status_code == 200 and not TOTPDevice.objects.get(pk=device.pk).confirmed
    assert "not right" in wrong.content.decode() or "không đúng" in wrong.content.decode()
    # After a wrong code django-otp makes the next try wait (1 s, doubling): skip the wait here.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    done = client.post(form_url, {**data, "token": current_code(page.context["secret"])})
    assert done.status_code == 302 and done["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 200

    # A new session asks for the code again; an outside "next" is not followed.
    second = Client()
    reviewer.refresh_from_db()  # the password the invitation set
    sign_in(second, reviewer, verified=False)
    assert second.get("/admin/").headers["Location"].startswith(reverse("newsroom_2fa_verify"))
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    answer = second.post(
        reverse("newsroom_2fa_verify"), {"token": current_code(device), "next": "https://evil.example/"}
    )
    assert answer["Location"] == reverse("wagtailadmin_home")


def test_editors_sign_in_without_a_second_factor(client, people):
    sign_in(client, people["editor"], verified=False)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_session_and_cookie_settings():
    from django.conf import settings

    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_COOKIE_AGE <= 8 * 3600
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"


# HTTP -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/vi/", "/km/", "/en/library/", "/search/?q=tre+em"])
def test_public_pages_have_a_strict_policy_and_no_inline_scripts(client, seeded, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    html = response.content.decode()
    for script in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in script or "application/json" in script or "ld+json" in script, script
    assert not re.search(r"\son[a-z]+=\"", html), "inline event handlers"
    assert not re.search(r"\sstyle=\"", html), "inline styles"


def test_the_one_inline_style_allowed_is_the_vendored_viewers_own(client, seeded):
    """OpenSeadragon adds one <style> element; the policy allows exactly its text by hash, so a
    new version of the library that changes it fails here rather than in readers' consoles."""
    import base64
    import hashlib
    from pathlib import Path

    from django.conf import settings

    library = (
        Path(settings.BASE_DIR) / "static" / "vendor" / "openseadragon" / "openseadragon.min.js"
    ).read_text()
    styles = re.findall(r'createElement\("style"\);[^;]*;\w+\.textContent="([^"\\]*)"', library)
    assert len(styles) == 1, "OpenSeadragon's inline style changed: update OPENSEADRAGON_STYLE_HASH"
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    policy = client.get("/vi/")["Content-Security-Policy"]
    style_src = next(part for part in policy.split("; ") if part.startswith("style-src"))
    assert style_src == f"style-src 'self' 'sha256-{digest}'"


def test_cached_pages_keep_the_headers(client, seeded):
    first, second = client.get("/vi/"), client.get("/vi/")
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_admin_frames_only_its_own_previews(admin_client):
    assert "frame-ancestors 'self'" in admin_client.get("/admin/")["Content-Security-Policy"]


def test_forged_csrf_token_is_refused_clearly(people):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("wagtailadmin_login"), {"username": "bientap", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert "Traceback" not in response.content.decode()
    assert response.content.decode().count("<h1") == 1


def test_production_settings_turn_on_transport_security():
    import importlib
    import os
    from unittest import mock

    environment = {
        "SECRET_KEY": "x" * 20 + "abcdefghijklmnopqrstuvwxyz0123456789",
        "DATABASE_URL": "postgres://u:p@db:5432/cms",
        "ALLOWED_HOSTS": "nhanquyen.example",
        "CSRF_TRUSTED_ORIGINS": "https://nhanquyen.example",
        "SITE_URL": "https://nhanquyen.example",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "EMAIL_URL": "smtp://mail.example:25",
    }
    with mock.patch.dict(os.environ, environment):
        production = importlib.import_module("cms.settings.production")
        production = importlib.reload(production)
    assert production.SECURE_HSTS_SECONDS >= 31536000 and production.SECURE_SSL_REDIRECT
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE


# Uploads ----------------------------------------------------------------------------------------


def _png(size, mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_web_page_named_pdf_is_refused(admin_client):
    count = get_document_model().objects.count()
    upload = SimpleUploadedFile("bao-cao.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")
    response = admin_client.post(reverse("wagtaildocs:add"), {"title": "Báo cáo", "file": upload})
    assert response.status_code == 200
    assert "is not a .pdf file" in response.content.decode() or "không phải" in response.content.decode()
    assert get_document_model().objects.count() == count


def test_a_zip_bomb_is_refused(admin_client):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", b"\0" * (20 * 1024 * 1024))
    count = get_document_model().objects.count()
    upload = SimpleUploadedFile("tu-lieu.zip", buffer.getvalue(), "application/zip")
    admin_client.post(reverse("wagtaildocs:add"), {"title": "Tư liệu", "file": upload})
    assert get_document_model().objects.count() == count


def test_a_good_document_gets_a_safe_name_and_downloads_as_an_attachment(admin_client):
    upload = SimpleUploadedFile("Báo cáo <nhân quyền>.PDF", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    response = admin_client.post(reverse("wagtaildocs:add"), {"title": "Báo cáo", "file": upload})
    assert response.status_code == 302
    document = get_document_model().objects.latest("pk")
    assert re.fullmatch(r"documents/bao-cao-nhan-quyen(_\w+)?\.pdf", document.file.name), document.file.name
    # No public page offers it yet, so only editors download it (home.visibility); the same way.
    download = admin_client.get(document.url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"


def test_private_documents_only_for_those_allowed(people):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = get_document_model().objects.create(
        title="Nội bộ", collection=private, file=SimpleUploadedFile("noi-bo.pdf", b"%PDF-1.4\n")
    )
    assert Client().get(document.url).status_code != 200
    reader = Client()
    reader.force_login(people["signed-in reader"])
    assert reader.get(document.url).status_code != 200, "a private collection is not for every reader"
    administrator = Client()
    sign_in(administrator, people["administrator"])
    assert administrator.get(document.url).status_code == 200


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "svg"),
        ("photo.jpg", b"GIF89a" + b"\0" * 64, "jpg"),
        ("huge.png", None, "pixels"),
    ],
)
def test_unsafe_images_are_refused(admin_client, name, data, message):
    data = data if data is not None else _png((12000, 6000), mode="1")
    count = get_image_model().objects.count()
    upload = SimpleUploadedFile(name, data)
    response = admin_client.post(reverse("wagtailimages:add"), {"title": name, "file": upload})
    assert response.status_code == 200
    assert get_image_model().objects.count() == count


def test_image_names_are_made_safe(admin_client):
    upload = SimpleUploadedFile("Ảnh <hội thảo>.png", _png((40, 30)), "image/png")
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Ảnh", "file": upload})
    assert response.status_code == 302
    image = get_image_model().objects.latest("pk")
    assert re.fullmatch(r"original_images/anh-hoi-thao(_\w+)?\.png", image.file.name), image.file.name


def test_plain_users_reach_no_admin(client, people):
    sign_in(client, people["signed-in reader"], verified=False)
    assert client.get(reverse("wagtailadmin_home")).status_code in (302, 403)
    assert get_user_model().objects.filter(username="docgia").exists()


def test_the_code_prompt_loads_its_own_icons(client, people):
    """The admin fetches its icon sprite by script: redirecting that fetch to the prompt would put
    the prompt's form inside the page a second time."""
    sign_in(client, people["reviewer"], verified=False)
    assert client.get(reverse("wagtailadmin_sprite")).status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
