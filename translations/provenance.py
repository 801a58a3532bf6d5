"""Machine-made translations are labelled, to editors and to the public, until a person reviews them.

wagtail-localize records for every translated string whether a person or a machine made it
(``StringTranslation.translation_type``). A translated page or snippet is "machine-made, not yet
reviewed" when it has machine-made strings saved after its latest :class:`TranslationReview`.
Machine translation itself is off by default (``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` unset);
strings also arrive as machine-made from an imported XLIFF file that says so.
"""

from django.db.models import Exists, OuterRef

from wagtail_localize.models import StringTranslation

from .models import TranslationReview


def _unreviewed(strings):
    """Machine-made strings that no review at or after their last change covers."""
    covering = TranslationReview.objects.filter(
        translation_key=OuterRef("context__object_id"),
        locale=OuterRef("locale"),
        reviewed_at__gte=OuterRef("updated_at"),
    )
    machine = strings.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
    return machine.filter(~Exists(covering))


def unreviewed_machine_strings(translation_key, locale):
    return _unreviewed(StringTranslation.objects.filter(locale=locale, context__object_id=translation_key))


def is_unreviewed_machine_translation(instance):
    """One query: does this translated page or snippet carry machine-made text nobody reviewed?"""
    if instance is None or getattr(instance, "translation_key", None) is None:
        return False
    return unreviewed_machine_strings(instance.translation_key, instance.locale_id).exists()


def mark_reviewed(instance, user):
    return TranslationReview.objects.create(
        translation_key=instance.translation_key, locale_id=instance.locale_id, reviewed_by=user
    )


def unreviewed_keys():
    """A subquery of ``(translation key)`` values with unreviewed machine-made strings, for reports."""
    return _unreviewed(StringTranslation.objects.all()).values("context__object_id")
