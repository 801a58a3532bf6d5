"""Site-core models: the image and document models, mixins shared by page types, and pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BodyBlock

__all__ = [
    "CustomDocument",
    "CustomImage",
    "CustomRendition",
    "HeroMixin",
    "HomePage",
    "SeoMixin",
    "StandardPage",
]


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

    @property
    def default_alt_text(self):
        return self.alt_text or ""


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    description = models.TextField(_("description"), blank=True)

    admin_form_fields = Document.admin_form_fields + ("description",)

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class SeoMixin(models.Model):
    """Meta description for search engines and link previews; falls back to the intro."""

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or getattr(self, "intro", "") or ""


class HeroMixin(models.Model):
    """An optional lead image shown at the top of the page and in link previews."""

    hero_image = models.ForeignKey(
        "home.CustomImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class HomePage(SeoMixin, HeroMixin, Page):
    """The root of each language's tree."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("hero_image"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")


class StandardPage(SeoMixin, HeroMixin, Page):
    """A general page: about the programme, contact, how to take part."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = HomePage.translatable_fields

    template = "home/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
