"""Environment handling: one reader, production refuses to start without what it needs."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.exceptions import ImproperlyConfigured

from cms.settings import components, env

ROOT = Path(__file__).resolve().parents[2]

REALISTIC_PRODUCTION_ENV = {
    "SECRET_KEY": "k3v$9!pQz@7mWx#2LrT8bN^5cYh&4jF0sDe6uGa1oIq-RtZy+Xw",
    "DATABASE_URL": "postgres://cms:secret@db.internal:5432/cms",
    "ALLOWED_HOSTS": "nhanquyen.angiang.gov.vn",
    "CSRF_TRUSTED_ORIGINS": "https://nhanquyen.angiang.gov.vn",
    "SITE_URL": "https://nhanquyen.angiang.gov.vn",
    "REDIS_URL": "redis://127.0.0.1:6379/3",
    "EMAIL_URL": "smtp://cms:secret@mail.angiang.gov.vn:587?tls=1",
    "AWS_STORAGE_BUCKET_NAME": "nhanquyen-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.angiang.gov.vn",
    "AWS_ACCESS_KEY_ID": "cms",
    "AWS_SECRET_ACCESS_KEY": "secret",
}


def run_manage(*args, extra_env=None):
    clean = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "PYTHONPATH"}}
    clean.update(extra_env or {})
    clean["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_a_realistic_environment():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", extra_env=REALISTIC_PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("name", [n for n, v in env.VARIABLES.items() if v.required_in_production])
def test_production_refuses_to_start_without_a_required_variable(name):
    incomplete = {k: v for k, v in REALISTIC_PRODUCTION_ENV.items() if k != name}
    result = run_manage("check", extra_env=incomplete)
    assert result.returncode != 0
    assert f"Missing required environment variable(s): {name}" in result.stderr


def test_production_rejects_sqlite():
    result = run_manage("check", extra_env={**REALISTIC_PRODUCTION_ENV, "DATABASE_URL": "sqlite:///x.db"})
    assert result.returncode != 0
    assert "DATABASE_URL must point at PostgreSQL" in result.stderr


def test_reading_an_undeclared_variable_is_an_error():
    with pytest.raises(ImproperlyConfigured, match="not a declared"):
        env.read("SOMETHING_ELSE")


def test_required_variable_error_names_it(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    with pytest.raises(ImproperlyConfigured, match="SITE_URL"):
        env.read("SITE_URL", required=True)


def test_readme_environment_table_lists_every_variable():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, variable in env.VARIABLES.items():
        assert f"| `{name}` |" in readme, f"README's environment table is missing {name}"
        required = "yes" if variable.required_in_production else "no"
        assert f"| `{name}` | {required} |" in readme, f"README marks {name} wrongly"


def test_storages_are_local_without_a_bucket_and_s3_with_one(tmp_path):
    local = components.storages(media_root=tmp_path)
    assert local["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    s3 = components.storages(bucket="b", endpoint_url="http://127.0.0.1:9000", access_key="a", secret_key="s")
    assert s3["default"]["BACKEND"] == "newsroom.storage.ProtectedS3Storage"
    assert s3["default"]["OPTIONS"]["bucket_name"] == "b"
    assert s3["default"]["OPTIONS"]["querystring_auth"] is True  # a private bucket, signed addresses


def test_cache_is_redis_when_configured():
    assert components.caches("redis://127.0.0.1:6379/1")["default"]["BACKEND"].endswith("RedisCache")
    assert components.caches(None)["default"]["BACKEND"].endswith("LocMemCache")


def test_search_backend_from_url():
    assert components.search_backends(None)["default"]["BACKEND"] == "search.wagtail_13227"
    opensearch = components.search_backends("opensearch://user:pw@search:9201/portal")["default"]
    assert opensearch["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert opensearch["URLS"] == ["http://search:9201"]
    assert opensearch["INDEX"] == "portal"
    assert opensearch["OPTIONS"]["http_auth"] == ("user", "pw")
    with pytest.raises(ImproperlyConfigured, match="SEARCH_URL"):
        components.search_backends("solr://search:8983")


def test_email_from_url():
    smtp = components.email("smtp://user%40x:p%3Ass@mail.example.org:587?tls=1")
    assert smtp["EMAIL_HOST"] == "mail.example.org"
    assert smtp["EMAIL_PORT"] == 587
    assert smtp["EMAIL_HOST_USER"] == "user@x"
    assert smtp["EMAIL_HOST_PASSWORD"] == "p:ss"
    assert smtp["EMAIL_USE_TLS"] is True
    assert components.email(None)["EMAIL_BACKEND"].endswith("console.EmailBackend")
    with pytest.raises(ImproperlyConfigured):
        components.email("http://mail")


def test_machine_translation_is_off_unless_configured():
    assert components.machine_translator(None) is None
    libre = components.machine_translator("libretranslate+http://127.0.0.1:5000/", "k")
    assert libre["OPTIONS"]["LIBRETRANSLATE_URL"] == "http://127.0.0.1:5000"
    assert libre["CLASS"].endswith("LibreTranslator")
    with pytest.raises(ImproperlyConfigured, match="MACHINE_TRANSLATOR_KEY"):
        components.machine_translator("deepl://")
    with pytest.raises(ImproperlyConfigured, match="MACHINE_TRANSLATOR_URL"):
        components.machine_translator("ftp://x")


@pytest.mark.parametrize("language", ["vi", "en", "km"])
def test_the_admin_reads_back_the_dates_it_shows(language):
    """The date and time pickers fill in dd/mm/yyyy in every language; a form must accept them."""
    from datetime import date, datetime

    from django import forms
    from django.utils import translation

    with translation.override(language):
        assert forms.DateField().clean("23/11/2026") == date(2026, 11, 23)
        assert forms.DateField().clean("2026-11-23") == date(2026, 11, 23)
        moment = forms.DateTimeField().clean("23/11/2026 14:30")
        assert (moment.day, moment.month, moment.hour, moment.minute) == (23, 11, 14, 30)
        assert isinstance(moment, datetime)
