from django import forms
from django.utils.translation import gettext_lazy as _

from .analysis import clean_query


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, max_length=2000, strip=True)

    def clean_q(self):
        """NFC, no control characters, at most 200 characters: never reject what a reader typed."""
        return clean_query(self.cleaned_data["q"])
