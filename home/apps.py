from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Site core: home and generic pages, shared blocks, the image and document models."""

    name = "home"
    verbose_name = _("Site core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.checks import register
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from wagtail.signals import page_unpublished, post_page_move

        from . import locale_cache, page_cache, restrictions, routing_cache, term_index, thumbnails  # noqa: F401

        register(page_cache.check_shared_cache)
        locale_cache.install()
        restrictions.install()
        routing_cache.install()
        term_index.install()

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(page_cache.on_change, dispatch_uid=f"page_cache_{id(signal)}")
        post_page_move.connect(page_cache.on_page_event, dispatch_uid="page_cache_moved")
        page_unpublished.connect(page_cache.on_page_event, dispatch_uid="page_cache_unpublished")
