from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search: the only code that knows which search backend runs."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import signals  # noqa: F401
