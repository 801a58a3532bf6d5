"""Every environment variable the project reads, declared and read in one place.

Settings modules call :func:`read` (or one of the typed helpers) with a declared name; reading an
undeclared name is a programming error. ``VARIABLES`` is the source of the README's environment
table, and a test keeps the two in step.
"""

import os
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Variable:
    description: str
    required_in_production: bool = False
    example: str = ""


VARIABLES = {
    "SECRET_KEY": Variable("Django's cryptographic signing key (50+ random characters).", True, "(random)"),
    "DATABASE_URL": Variable(
        "Database connection URL; PostgreSQL in production. Default: SQLite file `db.sqlite3`.",
        True,
        "postgres://cms:secret@db:5432/cms",
    ),
    "DATABASE_CONN_MAX_AGE": Variable(
        "Seconds to keep database connections open between requests.", False, "60"
    ),
    "ALLOWED_HOSTS": Variable(
        "Comma-separated host names the site answers to.", True, "nhanquyen.angiang.gov.vn"
    ),
    "CSRF_TRUSTED_ORIGINS": Variable(
        "Comma-separated origins allowed to POST forms (scheme + host).",
        True,
        "https://nhanquyen.angiang.gov.vn",
    ),
    "TASKS_BACKEND": Variable(
        "`database` to run search index updates and other background work in `manage.py db_worker`, "
        "outside requests; default `immediate` (in the request).",
        False,
        "database",
    ),
    "TRUSTED_PROXY_HOPS": Variable(
        "Reverse proxies in front of gunicorn that append to X-Forwarded-For; sign-in throttling "
        "and API rate limits read the visitor's address from it. Default 0 (none).",
        False,
        "1",
    ),
    "SITE_URL": Variable(
        "Public base URL, used in admin e-mails and absolute links.",
        True,
        "https://nhanquyen.angiang.gov.vn",
    ),
    "REDIS_URL": Variable(
        "Redis URL for the cache. Without it the cache is local memory (one process).",
        True,
        "redis://redis:6379/0",
    ),
    "EMAIL_URL": Variable(
        "Outgoing mail server, `smtp://user:password@host:587?tls=1`. Default: console.",
        True,
        "smtp://cms:secret@mail.example.org:587?tls=1",
    ),
    "DEFAULT_FROM_EMAIL": Variable("Sender address of the site's e-mails.", False, "no-reply@angiang.gov.vn"),
    "AWS_STORAGE_BUCKET_NAME": Variable(
        "S3 bucket for images, documents and renditions. Unset: local files under `media/`.",
        False,
        "nhanquyen-media",
    ),
    "AWS_S3_ENDPOINT_URL": Variable(
        "Endpoint of an S3-compatible store (MinIO, Ceph, a cloud provider).",
        False,
        "https://s3.example.org",
    ),
    "AWS_ACCESS_KEY_ID": Variable("Access key for the S3 bucket.", False, "(key id)"),
    "AWS_SECRET_ACCESS_KEY": Variable("Secret key for the S3 bucket.", False, "(secret)"),
    "AWS_S3_REGION_NAME": Variable("Region of the S3 bucket.", False, "us-east-1"),
    "SEARCH_URL": Variable(
        "Search cluster, `elasticsearch://host:9200` or `opensearch://host:9200`. "
        "Unset: the database's own full-text search.",
        False,
        "opensearch://search:9200",
    ),
    "FRONTEND_CACHE_PURGE_URL": Variable(
        "A caching reverse proxy (Varnish, nginx) that accepts PURGE requests, e.g. `http://varnish:80`. "
        "Unset: no front-end cache to purge.",
        False,
        "",
    ),
    "MACHINE_TRANSLATOR_URL": Variable(
        "Machine translation for editors: `libretranslate+https://host` (a LibreTranslate server) "
        "or `deepl://`. Unset: off.",
        False,
        "",
    ),
    "MACHINE_TRANSLATOR_KEY": Variable("API key for the machine translator, if it needs one.", False, ""),
    "MEDIA_ROOT": Variable("Folder for uploaded files when S3 is not configured.", False, "/data/media"),
    "LOG_LEVEL": Variable("Log level of the project's loggers.", False, "INFO"),
    "LIBRARY_ID_PREFIX": Variable(
        "Prefix of library identifiers (the province's abbreviation): AG-2026-000123.", False, "AG"
    ),
    "LIBRARY_API_CORS_ORIGINS": Variable(
        "Comma-separated origins allowed to call the partner API from a browser (CORS).",
        False,
        "https://data.example.gov.vn",
    ),
    "PORT": Variable("Port gunicorn listens on inside the container.", False, "8000"),
    "WEB_CONCURRENCY": Variable("Gunicorn worker processes (default: 2 per CPU core + 1).", False, "5"),
    "GUNICORN_THREADS": Variable("Threads per gunicorn worker.", False, "4"),
}


def read(name, default=None, *, required=False):
    """Return the variable's value; raise ImproperlyConfigured naming it when required and unset."""
    if name not in VARIABLES:
        raise ImproperlyConfigured(f"{name} is not a declared environment variable (see env.py)")
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if required:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required: {VARIABLES[name].description}"
        )
    return default


def read_list(name, default=(), *, required=False):
    value = read(name, None, required=required)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def read_int(name, default, *, required=False):
    value = read(name, None, required=required)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


def missing_required():
    """Names of production-required variables that are unset, in declaration order."""
    return [
        name
        for name, variable in VARIABLES.items()
        if variable.required_in_production and not os.environ.get(name, "").strip()
    ]
