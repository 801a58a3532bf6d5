"""Local development: SQLite, local media, database search, console e-mail."""

from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_MAX_AGE = 0
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
