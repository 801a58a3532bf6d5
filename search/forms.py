import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, max_length=2000, strip=True)

    def clean_q(self):
        """Normalise to NFC, drop control characters and cap the length; never reject the reader."""
        value = unicodedata.normalize("NFC", self.cleaned_data["q"])
        value = "".join(ch for ch in value if unicodedata.category(ch) not in {"Cc", "Cf"} or ch == " ")
        return " ".join(value.split())[:MAX_QUERY_LENGTH]
