from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """wagtail-localize glue and the project's vi/en/km interface catalogues (``locale/``)."""

    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from django.db import models

        from wagtail.admin.forms import models as admin_forms  # Wagtail's own overrides first

        from .slugs import SlugInput

        # Every slug field of the admin: Wagtail's widget, with Vietnamese letters kept.
        admin_forms.register_form_field_override(models.SlugField, override={"widget": SlugInput})
