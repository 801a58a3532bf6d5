"""Photo and archive exhibitions, shown online and on tour."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import RICH_TEXT_FEATURES
from home.forms import TaggedPageForm
from home.models import HeroMixin, SeoMixin, TaggedPageMixin


class ExhibitionItem(TranslatableMixin, index.Indexed, ClusterableModel):
    """A photograph or a scanned archival document. One item can hang in several exhibitions."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("photograph")
        DOCUMENT = "document", _("archival document")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.PHOTO)
    image = models.ForeignKey(
        "home.CustomImage", verbose_name=_("image or scan"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255)
    caption = models.TextField(_("caption"), blank=True)
    transcription = models.TextField(
        _("transcription"), blank=True, help_text=_("For documents: the text of the scan.")
    )
    date_text = models.CharField(
        _("date"),
        max_length=64,
        blank=True,
        help_text=_("As known: “1975”, “c. 1960s”, “1954–1956”, “12/3/1979”."),
    )
    date_from = models.DateField(
        _("earliest date"), null=True, blank=True, help_text=_("For sorting and filtering.")
    )
    date_to = models.DateField(_("latest date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    creator = models.CharField(_("creator or photographer"), max_length=255, blank=True)
    source = models.CharField(_("source archive or collection"), max_length=255, blank=True)
    reference_code = models.CharField(_("reference code"), max_length=100, blank=True)
    rights = models.CharField(_("rights"), max_length=255, blank=True)
    credit = models.CharField(_("credit"), max_length=255, blank=True)
    conventions = ParentalManyToManyField(
        "home.Convention", verbose_name=_("conventions"), blank=True, related_name="+"
    )
    provinces = ParentalManyToManyField(
        "home.Province", verbose_name=_("provinces"), blank=True, related_name="+"
    )
    identifiable_people = models.BooleanField(_("identifiable people appear"), default=False)
    child_present = models.BooleanField(_("a child appears"), default=False)
    consent_held = models.BooleanField(_("consent is held"), default=False)
    consent_until = models.DateField(_("consent valid until"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("image")]),
        FieldPanel("title"),
        FieldPanel("caption"),
        FieldPanel("transcription"),
        MultiFieldPanel(
            [
                FieldPanel("date_text"),
                FieldRowPanel([FieldPanel("date_from"), FieldPanel("date_to")]),
                FieldPanel("place"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("creator"),
                FieldRowPanel([FieldPanel("source"), FieldPanel("reference_code")]),
                FieldRowPanel([FieldPanel("rights"), FieldPanel("credit")]),
            ],
            heading=_("Provenance and rights"),
        ),
        FieldPanel("conventions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("provinces"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("identifiable_people"), FieldPanel("child_present")]),
                FieldRowPanel([FieldPanel("consent_held"), FieldPanel("consent_until")]),
            ],
            heading=_("Consent and safeguarding"),
        ),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("caption"),
        TranslatableField("transcription"),
        TranslatableField("date_text"),
        TranslatableField("place"),
        SynchronizedField("kind"),
        SynchronizedField("image"),
        SynchronizedField("date_from"),
        SynchronizedField("date_to"),
        SynchronizedField("creator"),
        SynchronizedField("source"),
        SynchronizedField("reference_code"),
        SynchronizedField("rights"),
        SynchronizedField("credit"),
        SynchronizedField("conventions"),
        SynchronizedField("provinces"),
        SynchronizedField("identifiable_people"),
        SynchronizedField("child_present"),
        SynchronizedField("consent_held"),
        SynchronizedField("consent_until"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("caption"),
        index.SearchField("transcription"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("exhibition item")
        verbose_name_plural = _("exhibition items")
        ordering = ["date_from", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.child_present and not self.consent_held:
            raise ValidationError(
                {
                    "consent_held": _(
                        "A child appears in this item: record the consent held before it can be shown."
                    )
                }
            )
        if self.consent_held and self.identifiable_people and not self.consent_until:
            raise ValidationError({"consent_until": _("Say until when the consent is valid.")})
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValidationError({"date_to": _("The latest date is before the earliest.")})

    @property
    def may_be_shown(self):
        """False when a child or identifiable people appear without consent that is still valid."""
        if not (self.identifiable_people or self.child_present):
            return True
        return self.consent_held and (
            self.consent_until is None or self.consent_until >= timezone.localdate()
        )

    @classmethod
    def shown(cls):
        today = timezone.localdate()
        return cls.objects.filter(
            Q(identifiable_people=False, child_present=False)
            | Q(consent_held=True) & (Q(consent_until__isnull=True) | Q(consent_until__gte=today))
        )


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, required=False)
    items = blocks.ListBlock(SnippetChooserBlock(ExhibitionItem), label=_("Items"))

    class Meta:
        icon = "image"
        label = _("Section")
        description = _("A room of the exhibition: a title, a short text and its items in order.")


class ExhibitionIndexPage(SeoMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
    ]
    subpage_types = ["exhibitions.ExhibitionPage"]
    max_count_per_parent = 1
    template = "exhibitions/exhibition_index_page.html"

    class Meta:
        verbose_name = _("exhibition index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        exhibitions = (
            ExhibitionPage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .order_by("-start_date")
        )
        context["exhibitions"] = exhibitions
        today = timezone.localdate()
        context["upcoming_venues"] = (
            ExhibitionVenue.objects.filter(page__in=exhibitions, end_date__gte=today)
            .select_related("page")
            .order_by("start_date")
        )
        return context


class ExhibitionPage(SeoMixin, HeroMixin, TaggedPageMixin, Page):
    """An exhibition: introduction, curator, dates, sections of items, and where it travels."""

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    curator = models.CharField(_("curator"), max_length=255, blank=True)
    start_date = models.DateField(_("opens"), null=True, blank=True)
    end_date = models.DateField(_("closes"), null=True, blank=True)
    sections = StreamField([("section", SectionBlock())], blank=True, verbose_name=_("sections"))

    base_form_class = TaggedPageForm
    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldRowPanel([FieldPanel("curator"), FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("sections"),
        InlinePanel("venues", heading=_("Travelling: venues"), label=_("Venue")),
        MultiFieldPanel(TaggedPageMixin.tagging_panels, heading=_("Tags")),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("sections")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("introduction"),
        TranslatableField("sections"),
        TranslatableField("venues"),
        SynchronizedField("curator"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("hero_image"),
    ] + TaggedPageMixin.tagging_translatable_fields
    parent_page_types = ["exhibitions.ExhibitionIndexPage"]
    subpage_types = []
    template = "exhibitions/exhibition_page.html"

    related_section_title = _("Exhibitions")
    related_section_order = 30
    listing_date_field = "start_date"

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def get_meta_description(self):
        from django.utils.html import strip_tags

        return self.search_description or strip_tags(self.introduction)[:300]

    def sections_with_items(self):
        """Each section with the items that may be shown, in the exhibition's language.

        Consent is synchronised across translations, so an item is shown or withheld in every
        language at once. Two queries, whatever the number of sections and items.
        """
        wanted = {item.translation_key for block in self.sections for item in block.value["items"] if item}
        shown = set(
            ExhibitionItem.shown()
            .filter(translation_key__in=wanted)
            .values_list("translation_key", flat=True)
        )
        local = {
            item.translation_key: item
            for item in ExhibitionItem.objects.filter(translation_key__in=wanted, locale_id=self.locale_id)
            .select_related("image")
            .prefetch_related("image__renditions")
        }
        sections = []
        for block in self.sections:
            items = [
                local.get(item.translation_key, item)
                for item in block.value["items"]
                if item is not None and item.translation_key in shown
            ]
            sections.append({"title": block.value["title"], "text": block.value["text"], "items": items})
        return sections

    def venues_by_time(self):
        today = timezone.localdate()
        venues = list(self.venues.all().order_by("start_date"))
        return {
            "current": [v for v in venues if v.start_date <= today <= v.end_date],
            "upcoming": [v for v in venues if v.start_date > today],
            "past": [v for v in venues if v.end_date < today],
        }


class ExhibitionVenue(Orderable):
    page = ParentalKey(ExhibitionPage, on_delete=models.CASCADE, related_name="venues")
    name = models.CharField(_("venue"), max_length=255)
    address = models.CharField(_("address"), max_length=255)
    province = models.ForeignKey(
        "home.Province",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("province"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.start_date > self.end_date:
            raise ValidationError({"end_date": _("The venue closes before it opens.")})
