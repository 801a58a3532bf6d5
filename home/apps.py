from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Site core: home and generic pages, shared blocks, the image and document models."""

    name = "home"
    verbose_name = _("Site core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import thumbnails  # noqa: F401
