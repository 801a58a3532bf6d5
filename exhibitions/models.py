"""Photo and archive exhibitions, shown online and on tour."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Orderable, Page, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import page_cache, schema_org, visibility
from home.blocks import RICH_TEXT_FEATURES
from home.models import HeroMixin, SeoMixin, TaggedPageMixin
from home.models.mixins import PAGE_CONTENT_PANELS, PAGE_TRANSLATABLE_FIELDS
from newsroom.forms import OrganisationPageForm
from newsroom.permissions import RolePermissionsMixin

from .forms import ExhibitionItemForm


def responsible_organisation(help_text):
    """The organisation whose editors may change an item or exhibition (newsroom.permissions)."""
    return models.ForeignKey(
        "home.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


def consent_is_valid_q(today=None):
    """Items showing nobody who needs consent, or whose consent is held and not yet over."""
    today = today or timezone.localdate()
    return Q(identifiable_people=False, child_present=False) | Q(consent_held=True) & (
        Q(consent_until__isnull=True) | Q(consent_until__gte=today)
    )


class ItemQuerySet(models.QuerySet):
    def shown(self):
        """Items that may be shown today: published, and showing nobody who needs consent that
        is missing or expired, nor a photograph withheld for another item's consent. Consent is
        synchronised across translations, so an item is shown or withheld in every language at
        once, automatically on the day consent runs out."""
        return (
            self.filter(live=True)
            .filter(consent_is_valid_q())
            .exclude(image_id__in=visibility.withheld_image_ids())
        )

    def public(self):
        """What the public may see: shown items that a public exhibition shows (the rule of
        ``home.visibility``; an item only in a draft, unpublished or private exhibition is not
        public anywhere: pages, search, IIIF)."""
        return self.shown().filter(translation_key__in=public_item_keys())


def public_item_keys():
    """Translation keys of the items public exhibitions show, kept per content generation."""

    def compute():
        keys = set()
        for exhibition in visibility.public_pages(ExhibitionPage.objects.all()).only("sections"):
            keys.update(exhibition.item_keys())
        return frozenset(keys)

    return page_cache.per_generation("public-item-keys", compute)


class ConsentRequired(ValidationError):
    """Raised when something tries to publish an item that shows a child without consent."""


class ExhibitionItem(DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    """A photograph or a scanned archival document. One item can hang in several exhibitions.

    Items are drafts until published (bulk uploads arrive as drafts). An item showing a child
    cannot be published without consent; once published, it is shown only while consent for the
    people in it is valid (see :meth:`ItemQuerySet.shown`).
    """

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
    # The consent end date each notice was sent for: renewing consent re-arms both notices.
    consent_warning_sent_for = models.DateField(null=True, blank=True, editable=False)
    consent_expiry_sent_for = models.DateField(null=True, blank=True, editable=False)

    organisation = responsible_organisation(
        _("The organisation responsible: its editors may change this item.")
    )

    objects = ItemQuerySet.as_manager()
    base_form_class = ExhibitionItemForm
    organisation_field = "organisation"

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
        FieldPanel("organisation"),
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
        SynchronizedField("organisation"),
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
        if self.consent_held and self.identifiable_people and not self.consent_until:
            raise ValidationError({"consent_until": _("Say until when the consent is valid.")})
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValidationError({"date_to": _("The latest date is before the earliest.")})

    @property
    def publish_blocker(self):
        """Why this item may not be published, or ``None``."""
        if self.child_present and not self.consent_held:
            return _("A child appears in this item: record the consent held before publishing it.")
        return None

    @property
    def consent_is_valid(self):
        """False when a child or identifiable people appear without consent that is still valid."""
        if not (self.identifiable_people or self.child_present):
            return True
        return self.consent_held and (
            self.consent_until is None or self.consent_until >= timezone.localdate()
        )

    @property
    def may_be_shown(self):
        return self.live and self.consent_is_valid

    def publish(self, revision, *args, **kwargs):
        """Refuse, on every path (admin, scheduled publishing, scripts), to publish an item that
        shows a child without consent. The admin form reports the same rule before saving."""
        blocker = revision.as_object().publish_blocker
        if blocker:
            raise ConsentRequired(blocker)
        return super().publish(revision, *args, **kwargs)

    @classmethod
    def public_objects(cls, queryset):
        return queryset.public()

    @classmethod
    def withheld_images(cls):
        """Images of people whose consent is missing, expired or withdrawn, whatever state their
        item is in: withheld from the public wherever else they are used (``home.visibility``)."""
        return (
            cls.objects.exclude(consent_is_valid_q()).order_by().values_list("image_id", flat=True).distinct()
        )

    @property
    def iiif_id(self):
        """The item's image identifier in the IIIF Image API: the same in every language."""
        return str(self.translation_key)


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, required=False)
    items = blocks.ListBlock(SnippetChooserBlock(ExhibitionItem), label=_("Items"))

    class Meta:
        icon = "image"
        label = _("Section")
        description = _("A room of the exhibition: a title, a short text and its items in order.")


class ExhibitionIndexPage(RolePermissionsMixin, SeoMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = PAGE_CONTENT_PANELS + [FieldPanel("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
    ]
    subpage_types = ["exhibitions.ExhibitionPage"]
    max_count_per_parent = 1
    template = "exhibitions/exhibition_index_page.html"

    def structured_data(self, context, common):
        return {"@type": "CollectionPage"}

    class Meta:
        verbose_name = _("exhibition index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        exhibitions = (
            visibility.public_pages(ExhibitionPage.objects.child_of(self))
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


class ExhibitionPage(RolePermissionsMixin, RoutablePageMixin, SeoMixin, HeroMixin, TaggedPageMixin, Page):
    """An exhibition: introduction, curator, dates, sections of items, and where it travels."""

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    organisation = responsible_organisation(
        _("The organisation responsible: its editors may change this exhibition.")
    )
    curator = models.CharField(_("curator"), max_length=255, blank=True)
    start_date = models.DateField(_("opens"), null=True, blank=True)
    end_date = models.DateField(_("closes"), null=True, blank=True)
    sections = StreamField([("section", SectionBlock())], blank=True, verbose_name=_("sections"))

    base_form_class = OrganisationPageForm
    organisation_field = "organisation"
    content_panels = PAGE_CONTENT_PANELS + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldRowPanel([FieldPanel("curator"), FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("organisation"),
        FieldPanel("sections"),
        InlinePanel("venues", heading=_("Travelling: venues"), label=_("Venue")),
        MultiFieldPanel(TaggedPageMixin.tagging_panels, heading=_("Tags")),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("sections")]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + [
            TranslatableField("introduction"),
            TranslatableField("sections"),
            TranslatableField("venues"),
            SynchronizedField("curator"),
            SynchronizedField("organisation"),
            SynchronizedField("start_date"),
            SynchronizedField("end_date"),
            SynchronizedField("hero_image"),
        ]
        + TaggedPageMixin.tagging_translatable_fields
    )
    parent_page_types = ["exhibitions.ExhibitionIndexPage"]
    subpage_types = []
    template = "exhibitions/exhibition_page.html"

    related_section_title = _("Exhibitions")
    related_section_order = 30
    listing_date_field = "start_date"

    def structured_data(self, context, common):
        """An exhibition event at its venues (online only when it has none); an item's own page
        describes the item as a visual work, part of the exhibition."""
        item = context.get("item")
        if item is not None:
            data = {
                "@type": "VisualArtwork",
                "name": item.title,
                "isPartOf": {
                    "@type": "ExhibitionEvent",
                    "name": self.title,
                    "url": context["request"].build_absolute_uri(self.url),
                },
            }
            if getattr(item, "caption", ""):
                data["description"] = item.caption
            if getattr(item, "rights", ""):
                data["copyrightNotice"] = item.rights
            return data
        venues = self.ordered_venues
        starts = [v.start_date for v in venues] + ([self.start_date] if self.start_date else [])
        ends = [v.end_date for v in venues] + ([self.end_date] if self.end_date else [])
        opened = min(starts) if starts else None
        if opened is None and self.first_published_at:  # online only: open since it was published
            opened = timezone.localtime(self.first_published_at).date()
        data = {
            "@type": "ExhibitionEvent",
            "eventStatus": "https://schema.org/EventScheduled",
            "startDate": opened.isoformat() if opened else None,
            "organizer": common["publisher"],
        }
        if ends:
            data["endDate"] = max(ends).isoformat()
        online = {"@type": "VirtualLocation", "url": common["url"]}
        if venues:
            data["eventAttendanceMode"] = "https://schema.org/MixedEventAttendanceMode"
            data["location"] = [online, *(schema_org.place(v.name, v.address) for v in venues)]
        else:
            data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
            data["location"] = online
        return {key: value for key, value in data.items() if value is not None}

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def get_meta_description(self):
        from django.utils.html import strip_tags

        return self.search_description or strip_tags(self.introduction)[:300]

    def item_keys(self):
        """Translation keys of the items the sections choose, in order, without repeats."""
        keys = [item.translation_key for block in self.sections for item in block.value["items"] if item]
        return list(dict.fromkeys(keys))

    def shown_items(self, keys=None):
        """``{translation_key: item}`` for the chosen items the public may see, each in this page's
        language when that translation is published, otherwise in another published language.
        Three queries, whatever the number of sections, items and languages."""
        keys = self.item_keys() if keys is None else keys
        rows = ExhibitionItem.objects.shown().filter(translation_key__in=keys)
        chosen = {}
        for pk, key, locale_id in rows.values_list("pk", "translation_key", "locale_id").order_by("pk"):
            if key not in chosen or locale_id == self.locale_id:
                chosen[key] = pk
        items = (
            ExhibitionItem.objects.filter(pk__in=chosen.values())
            .select_related("image")
            .prefetch_related("image__renditions")
        )
        return {item.translation_key: item for item in items}

    def sections_with_items(self):
        """Each section with the items that may be shown today, in the exhibition's language."""
        shown = self.shown_items()
        sections = []
        for block in self.sections:
            keys = dict.fromkeys(item.translation_key for item in block.value["items"] if item is not None)
            items = [shown[key] for key in keys if key in shown]
            sections.append({"title": block.value["title"], "text": block.value["text"], "items": items})
        return sections

    def manifest_url(self):
        return reverse("iiif_manifest", args=[str(self.translation_key)])

    def item_url(self, item):
        return self.url + self.reverse_subpage("item", args=[str(item.translation_key)])

    def sitemap_subpages(self):
        keys = self.item_keys()
        shown = self.shown_items(keys)
        for key in keys:
            if key in shown:
                yield "item", (str(key),), {}

    @path("items/<uuid:key>/", name="item")
    def item_view(self, request, key):
        """One item on its own page: large image, every detail, deep zoom for large scans."""
        keys = self.item_keys()
        shown = self.shown_items(keys)
        if key not in shown:
            raise Http404
        order = [k for k in keys if k in shown]
        position = order.index(key)
        neighbours = {
            "previous": shown[order[position - 1]] if position > 0 else None,
            "next": shown[order[position + 1]] if position + 1 < len(order) else None,
        }
        item, count = shown[key], len(order)
        context = self.get_context(request)
        context.update(item=item, position=position + 1, count=count, neighbours=neighbours)
        return TemplateResponse(request, "exhibitions/exhibition_item.html", context)

    @cached_property
    def ordered_venues(self):
        """The venues by opening date, read once per request (the page and its data block)."""
        return list(self.venues.all().order_by("start_date"))

    def venues_by_time(self):
        today = timezone.localdate()
        venues = self.ordered_venues
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
