from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """wagtail-localize glue and the project's vi/en/km interface catalogues (``locale/``)."""

    name = "translations"
    verbose_name = _("Translations")
