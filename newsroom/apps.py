from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class NewsroomConfig(AppConfig):
    """Organisations' teams and roles, the approval workflow, and account and HTTP security."""

    default = True  # this module also defines the users app's config, below
    name = "newsroom"
    verbose_name = _("Newsroom roles and security")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from home.models import Organisation

        from . import roles

        post_save.connect(roles.on_organisation_saved, sender=Organisation, dispatch_uid="newsroom_team")


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with the newsroom's user views: a new account gets an invitation, not a
    password (:mod:`newsroom.users_admin`). Listed in ``INSTALLED_APPS`` instead of ``wagtail.users``."""

    default = False
    user_viewset = "newsroom.users_admin.UserViewSet"
