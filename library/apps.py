from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    """The shared database of communication products (records, import/export, partner API, OAI-PMH)."""

    name = "library"
    verbose_name = _("Library")

    def ready(self):
        from . import signals  # noqa: F401
