"""The query-string filter form of news sections and feeds."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home import term_index
from home.models import ContentArea, Convention, Province, Topic

FIRST_YEAR = 1945


class ArticleFilterForm(forms.Form):
    """Validates ``?convention=&province=&area=&topic=&year=`` against the reader's language.

    Terms are chosen by slug in the active locale; ``cleaned_filters()`` returns translation keys
    (and the year) for the valid fields only, so one bad value never hides the others.
    """

    convention = forms.ChoiceField(label=_("Convention"), required=False)
    province = forms.ChoiceField(label=_("Province"), required=False)
    area = forms.ChoiceField(label=_("Content area"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=FIRST_YEAR)

    SOURCES = {"convention": Convention, "province": Province, "area": ContentArea, "topic": Topic}

    def __init__(self, data, *, locale, **kwargs):
        super().__init__(data, **kwargs)
        self.terms = {}
        index = term_index.terms()  # no query: every term is held in the process
        for name, model in self.SOURCES.items():
            self.terms[name] = {row.slug: row for row in index.in_locale(model, locale.pk)}
            self.fields[name].choices = [("", _("All"))] + [
                (slug, str(row)) for slug, row in self.terms[name].items()
            ]
        self.fields["year"] = forms.IntegerField(
            label=_("Year"), required=False, min_value=FIRST_YEAR, max_value=timezone.localdate().year + 1
        )

    def cleaned_filters(self):
        """Valid filters only: ``{"convention": key, ..., "year": 2025}``."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        filters = {}
        for name in self.SOURCES:
            slug = cleaned.get(name)
            if slug and name not in self.errors:
                filters[name] = self.terms[name][slug].translation_key
        if cleaned.get("year") and "year" not in self.errors:
            filters["year"] = cleaned["year"]
        return filters

    def selected_terms(self):
        """The chosen terms, for showing what a listing or feed is filtered by."""
        filters = self.cleaned_filters()
        return [self.terms[name][self.cleaned_data[name]] for name in self.SOURCES if name in filters]
