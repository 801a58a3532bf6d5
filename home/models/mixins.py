"""Small abstract mixins, one concern each, that page types compose."""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from translations.panels import TranslationStatusPanel
from translations.slugs import ReadableSlugMixin

from .. import visibility

#: The panels every page type starts with: its translations' state, then the title.
PAGE_CONTENT_PANELS = [TranslationStatusPanel(), *Page.content_panels]

#: The Page fields every page type translates; each model adds its own after these.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]


class SeoMixin(ReadableSlugMixin, models.Model):
    """Meta description for search engines and link previews; falls back to the intro. Every page
    type has it, and with it readable ASCII slugs (translations/slugs.py)."""

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or getattr(self, "intro", "") or ""

    def structured_data(self, context, common):
        """What this page type adds to its schema.org data, given the ``common`` data every page
        has (name, URL, language, description, publisher: ``home.templatetags.seo.page_json_ld``)."""
        return {}


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

    @cached_property
    def public_hero_image(self):
        """The hero image as the public may see it: ``None`` when it is withheld (a photograph of
        people without valid consent), so no page, card or link preview shows it."""
        return visibility.public_image(self.hero_image)


class TaggedPageMixin(models.Model):
    """Tags shared by every content type: conventions, content areas, topics and provinces.

    Conventions, areas and topics are many-to-many fields; provinces are an ordered child relation
    (``province_tags``, on ``wagtailcore.Page``) chosen in a searchable modal. Tags may point at a
    term in any locale: listings and filters compare translation keys. A page type that sets
    ``related_section_title`` is listed automatically on convention and province pages.
    """

    conventions = ParentalManyToManyField(
        "home.Convention", verbose_name=_("conventions"), blank=True, related_name="+"
    )
    content_areas = ParentalManyToManyField(
        "home.ContentArea", verbose_name=_("content areas"), blank=True, related_name="+"
    )
    topics = ParentalManyToManyField("home.Topic", verbose_name=_("topics"), blank=True, related_name="+")

    related_section_title = None
    related_section_order = 100
    listing_date_field = "first_published_at"

    tagging_panels = [
        FieldPanel("conventions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("content_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultipleChooserPanel("province_tags", chooser_field_name="province", heading=_("Provinces")),
    ]
    tagging_translatable_fields = [
        SynchronizedField("conventions"),
        SynchronizedField("content_areas"),
        SynchronizedField("topics"),
        SynchronizedField("province_tags"),
    ]

    class Meta:
        abstract = True

    @property
    def listing_date(self):
        return getattr(self, self.listing_date_field)
