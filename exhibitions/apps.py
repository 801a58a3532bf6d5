from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitionsConfig(AppConfig):
    """Photo and archive exhibitions shown online and on tour."""

    name = "exhibitions"
    verbose_name = _("Exhibitions")
