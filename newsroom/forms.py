"""Editors assign content only to their own organisation."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from home.forms import TaggedPageForm

from .roles import organisations_for


class OrganisationChoiceMixin:
    """Limits the owning-organisation field to the editor's organisations and requires it.

    Reviewers and administrators choose any organisation. An editor of one organisation gets it
    filled in; a page cannot be moved out of the editor's reach by choosing another organisation.
    """

    def _limit_organisations(self):
        name = type(self.instance).organisation_field
        field = self.fields.get(name) if name else None
        user = getattr(self, "for_user", None)
        if field is None or user is None:
            return
        allowed = organisations_for(user)
        if allowed is None:
            return
        locale_id = self.instance.locale_id or getattr(getattr(self, "parent_page", None), "locale_id", None)
        keys = list(allowed.values_list("translation_key", flat=True))
        choices = field.queryset.filter(translation_key__in=keys)
        if locale_id:
            choices = choices.filter(locale_id=locale_id) or choices
        field.queryset = choices
        field.required = True
        field.error_messages["required"] = _("Choose your organisation.")
        if not self.is_bound and not getattr(self.instance, f"{name}_id", None) and len(choices) >= 1:
            self.initial[name] = choices[0].pk


class OrganisationPageForm(OrganisationChoiceMixin, TaggedPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_organisations()


class OrganisationItemForm(OrganisationChoiceMixin, WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_organisations()
