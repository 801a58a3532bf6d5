"""Admin listing columns for yes/no fields.

Wagtail writes a boolean field named in a viewset's ``list_display`` as Python's ``True`` or
``False``, in English whatever the admin language. :func:`boolean_column` gives Wagtail's tick or
cross instead, labelled "Yes" or "No" for screen readers in the admin's language (Wagtail's own
label for them is English too: see ``translations/upstream_english.py``).
"""

from django.utils.text import capfirst

from wagtail.admin.ui.tables import BooleanColumn


def boolean_column(model, name):
    """The column for ``model``'s boolean field ``name``, labelled and sorted like Wagtail's."""
    return BooleanColumn(name, label=capfirst(model._meta.get_field(name).verbose_name), sort_key=name)
