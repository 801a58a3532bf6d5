"""The page editor's translation panel: the state of the vi, en and km versions of this page, links
to them, and, for a machine-made translation nobody has reviewed, a button to mark it reviewed."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from . import coverage, provenance


class TranslationStatusPanel(Panel):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Translations"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "translations/admin/status_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk and settings.WAGTAIL_I18N_ENABLED)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["states"] = coverage.page_states(self.instance)
            context["machine"] = (
                self.instance.locale.language_code != settings.LANGUAGE_CODE
                and provenance.is_unreviewed_machine_translation(self.instance)
            )
            return context
