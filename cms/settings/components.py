"""Turn environment values into Django settings structures (pure functions, tested directly)."""

from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from botocore.config import Config

from django.core.exceptions import ImproperlyConfigured

SEARCH_BACKENDS = {
    "elasticsearch": "wagtail.search.backends.elasticsearch9",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "opensearch": "wagtail.search.backends.opensearch3",
    "opensearch3": "wagtail.search.backends.opensearch3",
    "opensearch2": "wagtail.search.backends.opensearch2",
}


#: Seconds a SQLite connection waits for another one's write to finish before giving up.
SQLITE_BUSY_TIMEOUT = 20


def databases(url, *, conn_max_age=0):
    """DATABASES from ``DATABASE_URL``.

    SQLite, the embedded default, is set up for several editors saving at once: write-ahead
    logging (readers never wait for a writer, nor a writer for readers), transactions that take
    the write lock when they begin (``IMMEDIATE``: two saves queue, where a deferred transaction
    that read first would fail at once with "database is locked"), and a busy timeout long enough
    for a queue of saves. Options given in the URL's query string win.
    """
    default = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    if default["ENGINE"] == "django.db.backends.sqlite3":
        default["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": SQLITE_BUSY_TIMEOUT,
            **default.get("OPTIONS", {}),
        }
    return {"default": default}


def storages(
    *,
    bucket=None,
    endpoint_url=None,
    access_key=None,
    secret_key=None,
    region=None,
    media_root=None,
):
    """STORAGES: S3-compatible object storage when a bucket is named, local files otherwise.

    The bucket is private: files are linked through the site's checking view, which redirects to
    signed addresses (``newsroom.media``); no object is public at a guessable address."""
    if bucket:
        options = {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url,
            "access_key": access_key,
            "secret_key": secret_key,
            "region_name": region,
            "querystring_auth": True,
            "default_acl": None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "max-age=31536000, private"},
            "client_config": Config(
                connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"}
            ),
        }
        default = {
            "BACKEND": "newsroom.storage.ProtectedS3Storage",
            "OPTIONS": {key: value for key, value in options.items() if value is not None},
        }
    else:
        default = {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media_root)} if media_root else {},
        }
    return {
        "default": default,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }


def tasks(backend=None):
    """Background work Wagtail and this project hand to django-tasks: search index updates, the
    reference index, image focal points, file deletion, front-end cache purges.

    ``immediate`` (the default) runs each task at once in the request, which is right for one
    process and for tests. ``database`` queues tasks in the database, in the same transaction as
    the change that caused them, for ``manage.py db_worker`` to run outside the request.
    """
    if backend in (None, "", "immediate"):
        return {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    if backend == "database":
        return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    raise ImproperlyConfigured(f"TASKS_BACKEND must be 'immediate' or 'database', not {backend!r}")


def caches(redis_url=None):
    if redis_url:
        # Django's RedisCache, answering as an empty cache while Redis is unreachable.
        backend = {"BACKEND": "home.resilient_cache.ResilientRedisCache", "LOCATION": redis_url}
    else:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    return {"default": {**backend, "KEY_PREFIX": "nhanquyen", "TIMEOUT": 300}}


def search_backends(search_url=None):
    """WAGTAILSEARCH_BACKENDS: the database's full-text search unless a cluster URL is given."""
    if not search_url:
        # The database's search, with the wagtail#13227 workaround on SQLite (search/wagtail_13227.py).
        return {"default": {"BACKEND": "search.wagtail_13227"}}
    parts = urlsplit(search_url)
    scheme = parts.scheme.split("+")[0]
    if scheme not in SEARCH_BACKENDS:
        raise ImproperlyConfigured(
            f"SEARCH_URL scheme {parts.scheme!r} is not one of {', '.join(sorted(SEARCH_BACKENDS))}"
        )
    transport = "https" if parts.scheme.endswith("+https") else "http"
    host = f"{transport}://{parts.hostname}:{parts.port or 9200}"
    options = {"hosts": [host]}
    if parts.username:
        options["http_auth"] = (unquote(parts.username), unquote(parts.password or ""))
    return {
        "default": {
            "BACKEND": SEARCH_BACKENDS[scheme],
            "URLS": [host],
            "INDEX": (parts.path.strip("/") or "nhanquyen"),
            "TIMEOUT": 5,
            "OPTIONS": options,
        }
    }


def site_search(search_url=None):
    """NHANQUYEN_SEARCH: the site's own search index (``search.backends``): in the database unless
    a cluster URL is given, then in an Elasticsearch/OpenSearch index ``<name>-portal``."""
    if not search_url:
        return {"BACKEND": "search.backends.DatabaseIndex"}
    wagtail = search_backends(search_url)["default"]  # validates the URL the same way
    parts = urlsplit(search_url)
    credentials = ""
    if parts.username:
        credentials = f"{parts.username}:{parts.password or ''}@"
    host = wagtail["URLS"][0].replace("://", f"://{credentials}", 1)
    return {
        "BACKEND": "search.cluster.ClusterIndex",
        "URL": host,
        "INDEX": f"{wagtail['INDEX']}-portal",
        "TIMEOUT": 5,
    }


def email(email_url=None):
    """EMAIL_* settings from `smtp://user:password@host:port?tls=1` (or console when unset)."""
    if not email_url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(email_url)
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(f"EMAIL_URL must start with smtp:// or smtps://, not {parts.scheme}://")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    truthy = {"1", "true", "yes", "on"}
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": query.get("tls", "").lower() in truthy,
        "EMAIL_USE_SSL": parts.scheme == "smtps" or query.get("ssl", "").lower() in truthy,
        "EMAIL_TIMEOUT": 10,
    }


def machine_translator(url=None, api_key=""):
    """wagtail-localize's machine translator, off unless ``MACHINE_TRANSLATOR_URL`` is set:
    ``libretranslate+https://host[:port]`` (a LibreTranslate server the deployment runs or
    rents) or ``deepl://`` (DeepL's API; ``MACHINE_TRANSLATOR_KEY`` is the key).
    Whatever a machine translates is labelled as such until a person reviews it."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme in {"libretranslate+http", "libretranslate+https"}:
        endpoint = f"{parts.scheme.removeprefix('libretranslate+')}://{parts.netloc}{parts.path}".rstrip("/")
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {"LIBRETRANSLATE_URL": endpoint, "API_KEY": api_key, "TIMEOUT": 30},
        }
    if parts.scheme == "deepl":
        if not api_key:
            raise ImproperlyConfigured("MACHINE_TRANSLATOR_URL=deepl:// needs MACHINE_TRANSLATOR_KEY")
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": api_key},
        }
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATOR_URL must start with libretranslate+http(s):// or deepl://, not {parts.scheme}://"
    )
