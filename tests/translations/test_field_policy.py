"""Every page type and editor-facing snippet states, for each field editors can edit, whether it
is translated or synchronised across languages (wagtail-localize's ``translatable_fields``)."""

import pytest

from django.apps import apps

from wagtail.admin.panels import get_edit_handler
from wagtail.models import Page, TranslatableMixin

PROJECT_APPS = {"home", "news", "library", "exhibitions"}
#: Publishing settings, not content: each language version keeps its own. Wagtail 8 also puts the
#: page's tree position, type, owner and first publication on the form as bookkeeping fields.
NOT_CONTENT = {"go_live_at", "expire_at", "comment_notifications", "first_published_at", "owner"}
NOT_CONTENT |= {"path", "depth", "numchild", "content_type"}


def translatable_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and model._meta.app_label in PROJECT_APPS
    ]


def test_the_project_has_translatable_pages_and_snippets():
    models = translatable_models()
    assert sum(issubclass(m, Page) for m in models) >= 10
    assert sum(not issubclass(m, Page) for m in models) >= 8


@pytest.mark.parametrize("model", translatable_models(), ids=lambda model: model._meta.label)
def test_every_editable_field_is_translated_or_synchronised(model):
    assert "translatable_fields" in {name for klass in model.__mro__ for name in vars(klass)}
    declared = {field.field_name for field in model.translatable_fields}
    form_class = get_edit_handler(model).get_form_class()
    editable = set(form_class.base_fields) | set(getattr(form_class, "formsets", {}))
    missing = editable - declared - NOT_CONTENT
    assert not missing, f"{model._meta.label} does not say how to translate: {sorted(missing)}"
