from django import template
from django.conf import settings

from wagtail.models import Locale

from home import page_cache

from ..admin_views import STATE_LABELS
from ..provenance import is_unreviewed_machine_translation

register = template.Library()


@register.simple_tag
def state_of(page, code):
    return getattr(page, f"{code}_state", "")


@register.simple_tag
def cell_actions(page, code):
    """What the viewer may do with the page's translation into ``code`` (the report's view works
    it out for the listed pages: translations.workflow.translation_cells)."""
    return getattr(page, "translation_cells", {}).get(code, {})


@register.filter
def state_label(state):
    return STATE_LABELS.get(state, state)


@register.inclusion_tag("translations/machine_notice.html")
def machine_translation_notice(instance):
    """A notice for readers on a machine-made translation nobody has reviewed yet (one query)."""
    locale_id = getattr(instance, "locale_id", None)
    default = Locale.objects.get_for_language(settings.LANGUAGE_CODE)  # no query: home.locale_cache
    translated = locale_id is not None and locale_id != default.pk
    if not translated:
        return {"show": False}
    # Kept per content generation (home.page_cache): imports, edits and reviews all start a new one.
    name = f"machine:{instance._meta.label_lower}:{instance.pk}"
    return {"show": page_cache.per_generation(name, lambda: is_unreviewed_machine_translation(instance))}


@register.filter
def type_name(page):
    """The page type's name as editors know it ("Article", "Library product")."""
    model = page.content_type.model_class()
    return model._meta.verbose_name.capitalize() if model else ""


@register.simple_tag(takes_context=True)
def translation_review(context, instance):
    """The review bar's state for the person viewing the translation editor."""
    from ..workflow import review_state

    return review_state(context["request"].user, instance)


@register.filter
def editor_props(props, review):
    """wagtail-localize's editor properties adjusted for the person (:func:`workflow.editor_props`)."""
    from ..workflow import editor_props as adjusted

    return adjusted(props, review)
