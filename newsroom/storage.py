"""The S3-compatible storage of production (``STORAGES["default"]``).

Imported while settings load, before the apps are ready: it may import nothing of the apps.
"""

from storages.backends.s3 import S3Storage

from django.conf import settings


class ProtectedS3Storage(S3Storage):
    """S3-compatible storage whose files are linked through the site's checking view; the bucket
    stays private and the view hands out signed, short-lived addresses."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + name.lstrip("/")

    def signed_url(self, name):
        return super().url(name, expire=getattr(settings, "MEDIA_SIGNED_URL_SECONDS", 300))
