"""Provenance of translations: a machine-made translation stays labelled until a person reviews it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationReview(models.Model):
    """A person's review of a translated page or snippet. Machine-made strings saved after the
    latest review make the translation "machine-made, not yet reviewed" again."""

    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("translation review")
        verbose_name_plural = _("translation reviews")
        indexes = [models.Index(fields=["translation_key", "locale", "-reviewed_at"], name="review_latest")]
