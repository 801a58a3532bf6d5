"""The image and document models (set before the first migration) and the rendition model."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """An image with the default alt text, credit and caption editors give once at upload."""

    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    credit = models.CharField(_("credit"), max_length=255, blank=True)
    caption = models.CharField(_("caption"), max_length=500, blank=True)

    admin_form_fields = Image.admin_form_fields + ("alt_text", "credit", "caption")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        indexes = [models.Index(fields=["file"], name="home_image_file")]

    @property
    def default_alt_text(self):
        return self.alt_text or ""


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
        # newsroom.media finds the image a requested file belongs to by its name.
        indexes = [models.Index(fields=["file"], name="home_rendition_file")]


class CustomDocument(AbstractDocument):
    description = models.TextField(_("description"), blank=True)
    thumbnail = models.ImageField(
        _("first-page thumbnail"), upload_to="document_thumbnails", null=True, blank=True, editable=False
    )

    admin_form_fields = Document.admin_form_fields + ("description",)

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
