from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    """Each province's plan under Decision 1079/QĐ-TTg: targets, activities and reporting."""

    name = "plans"
    verbose_name = _("Plans")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import signals

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(signals.on_change, dispatch_uid=f"plans_page_cache_{id(signal)}")
