from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    """Organisations' teams and roles, the approval workflow, and account and HTTP security."""

    name = "newsroom"
    verbose_name = _("Newsroom roles and security")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from home.models import Organisation

        from . import roles

        post_save.connect(roles.on_organisation_saved, sender=Organisation, dispatch_uid="newsroom_team")
