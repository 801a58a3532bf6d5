"""Production: every secret and endpoint from the environment; refuses to start without them."""

from django.core.exceptions import ImproperlyConfigured

from . import env
from .base import *  # noqa: F403

_missing = env.missing_required()
if _missing:
    raise ImproperlyConfigured(
        "Production settings cannot start. Missing required environment variable(s): "
        + ", ".join(f"{name} ({env.VARIABLES[name].description})" for name in _missing)
    )

DEBUG = False
SECRET_KEY = env.read("SECRET_KEY", required=True)
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters")
if not env.read("DATABASE_URL", required=True).startswith(("postgres://", "postgresql://")):
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production")
DATABASES["default"]["CONN_MAX_AGE"] = env.read_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_AGE = 8 * 60 * 60
LANGUAGE_COOKIE_SECURE = True
