"""Settings shared by every environment. Values that differ per deployment come from env.py."""

from datetime import timedelta
from pathlib import Path

from . import components, env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
CMS_DIR = BASE_DIR / "cms"

SECRET_KEY = env.read("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = False
ALLOWED_HOSTS = env.read_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.read_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "news",
    "library",
    "exhibitions",
    "plans",
    "translations",
    "search",
    "newsroom",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "newsroom.apps.WagtailUsersConfig",  # wagtail.users, with invitations for new accounts
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "newsroom.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML, XML and JSON compressed (static files come precompressed from WhiteNoise, above);
    # images, documents and media left as they are.
    "home.middleware.TextGZipMiddleware",
    # ETag on every complete response and 304 to If-None-Match / If-Modified-Since (after GZip, so
    # the tag is computed on the uncompressed body; before the page cache, so cached hits get it).
    "django.middleware.http.ConditionalGetMiddleware",
    "library.cors.PartnerApiCorsMiddleware",
    "home.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "newsroom.viewer.ViewerMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "newsroom.accounts.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: counts failed sign-ins and answers locked-out attempts.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [CMS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = components.databases(
    env.read("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    conn_max_age=env.read_int("DATABASE_CONN_MAX_AGE", 0),
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = components.caches(env.read("REDIS_URL"))
TASKS = components.tasks(env.read("TASKS_BACKEND"))

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in throttling (django-axes): five wrong passwords pause that account, and separately that
# address, for 15 minutes; a correct password clears the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.accounts.locked_out"
AXES_CLIENT_IP_CALLABLE = "newsroom.accounts.client_address"
AXES_VERBOSE = False
# Reverse proxies in front of the site that append to X-Forwarded-For (0: none; read REMOTE_ADDR).
TRUSTED_PROXY_HOPS = env.read_int("TRUSTED_PROXY_HOPS", 0)
OTP_TOTP_ISSUER = "Nhân quyền CMS"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Vietnamese is the default; English and Khmer are full content languages.
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
    ("km", "ភាសាខ្មែរ"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin in the three languages: our catalogues translate Wagtail's, wagtail-localize's and
# Django's strings (translations/upstream_locale, docs/TRANSLATIONS.md).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The project's own strings first, then our translations of Wagtail's and wagtail-localize's admin
# strings (manage.py upstream_messages); both come before the catalogues the packages ship.
LOCALE_PATHS = [BASE_DIR / "translations" / "locale", BASE_DIR / "translations" / "upstream_locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.read("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = components.storages(
    bucket=env.read("AWS_STORAGE_BUCKET_NAME"),
    endpoint_url=env.read("AWS_S3_ENDPOINT_URL"),
    access_key=env.read("AWS_ACCESS_KEY_ID"),
    secret_key=env.read("AWS_SECRET_ACCESS_KEY"),
    region=env.read("AWS_S3_REGION_NAME"),
    media_root=MEDIA_ROOT,
)
# Files are linked through newsroom.media's checking view (/media/...); on S3 it redirects to a
# signed address valid this long. Behind nginx with local files, set MEDIA_ACCEL_REDIRECT to an
# ``internal`` location mapped to MEDIA_ROOT so that nginx sends the bytes.
MEDIA_SIGNED_URL_SECONDS = 300
MEDIA_ACCEL_REDIRECT = ""
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
# Python's mimetypes has no entry for the web manifest (WhiteNoise would send octet-stream).
WHITENOISE_MIMETYPES = {".webmanifest": "application/manifest+json"}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o644

globals().update(components.email(env.read("EMAIL_URL")))
DEFAULT_FROM_EMAIL = env.read("DEFAULT_FROM_EMAIL", "no-reply@nhanquyen.localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Nhân quyền"
WAGTAILADMIN_BASE_URL = env.read("SITE_URL", "http://127.0.0.1:8000")
# No avatars from gravatar.com: the admin loads nothing from another host (uploaded avatars and
# Wagtail's default one still show).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's sign-in form, with its password field labelled (translations/upstream_english.py).
WAGTAILADMIN_USER_LOGIN_FORM = "translations.upstream_english.LoginForm"
WAGTAILIMAGES_IMAGE_MODEL = "home.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "home.CustomDocument"
WAGTAILSEARCH_BACKENDS = components.search_backends(env.read("SEARCH_URL"))
NHANQUYEN_SEARCH = components.site_search(env.read("SEARCH_URL"))

# A reverse proxy or CDN in front of the site: Wagtail purges a page's URLs there when it is
# published, unpublished or moved (docs/PERFORMANCE.md, "Page cache").
_purge_url = env.read("FRONTEND_CACHE_PURGE_URL")
if _purge_url:
    WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": _purge_url}
    }

# Machine translation: off by default (see docs/TRANSLATIONS.md).
_machine_translator = components.machine_translator(
    env.read("MACHINE_TRANSLATOR_URL"), env.read("MACHINE_TRANSLATOR_KEY", "")
)
if _machine_translator:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = _machine_translator
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "xls",
    "xlsx",
    "ods",
    "csv",
    "txt",
    "mp3",
    "mp4",
    "m4a",
    "ogg",
    "webm",
    "zip",
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every document downloads as an attachment (never rendered by the browser on our origin).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_DOCUMENT_FORM_BASE = "newsroom.uploads.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "newsroom.uploads.ImageForm"
DOCUMENT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024
DOCUMENT_MAX_UNPACKED_BYTES = 500 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Approving a reviewed translation publishes it as its translation editor shows it
# (translations/finish_workflow.py); anything else as Wagtail does.
WAGTAIL_FINISH_WORKFLOW_ACTION = "translations.finish_workflow.publish_workflow_state"
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
# ...and read back in that form in every admin language (cms/formats/).
FORMAT_MODULE_PATH = ["cms.formats"]
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

LIBRARY_ID_PREFIX = env.read("LIBRARY_ID_PREFIX", "AG")
LIBRARY_API_CORS_ORIGINS = env.read_list("LIBRARY_API_CORS_ORIGINS")
LIBRARY_API_ANONYMOUS_RATE = 60  # requests per minute per address without an API key

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day; then sign in (and confirm the code) again
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Media redirected to object storage on another origin (signed addresses) is allowed by the CSP.
CSP_MEDIA_ORIGIN = env.read("AWS_S3_ENDPOINT_URL") or ""
CSRF_FAILURE_VIEW = "newsroom.views.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "cms": {"handlers": ["console"], "level": env.read("LOG_LEVEL", "INFO"), "propagate": False},
    },
}
