from django import template
from django.conf import settings

from ..admin_views import STATE_LABELS
from ..provenance import is_unreviewed_machine_translation

register = template.Library()


@register.simple_tag
def state_of(page, code):
    return getattr(page, f"{code}_state", "")


@register.filter
def state_label(state):
    return STATE_LABELS.get(state, state)


@register.inclusion_tag("translations/machine_notice.html")
def machine_translation_notice(instance):
    """A notice for readers on a machine-made translation nobody has reviewed yet (one query)."""
    translated = instance is not None and getattr(instance, "locale", None) is not None
    translated = translated and instance.locale.language_code != settings.LANGUAGE_CODE
    return {"show": translated and is_unreviewed_machine_translation(instance)}


@register.filter
def type_name(page):
    """The page type's name as editors know it ("Article", "Library product")."""
    model = page.content_type.model_class()
    return model._meta.verbose_name.capitalize() if model else ""
