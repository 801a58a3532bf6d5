"""The shared library of communication products."""

import hashlib
import hmac
import secrets
from datetime import datetime, time

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import schema_org, term_index, visibility
from home.blocks import RICH_TEXT_FEATURES, ImageBlock, MediaFileBlock
from home.models import SeoMixin, TaggedPageMixin
from home.models.mixins import PAGE_CONTENT_PANELS, PAGE_TRANSLATABLE_FIELDS
from newsroom.forms import OrganisationPageForm
from newsroom.permissions import RolePermissionsMixin

from .languages import FOREIGN, MINORITY, NATIONAL
from .panels import AttachmentTextPanel


class Language(models.Model):
    """A content language of products (ISO 639-3), named in the three site languages."""

    code = models.CharField(_("ISO 639-3 code"), max_length=3, primary_key=True)
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=[(NATIONAL, _("national")), (FOREIGN, _("foreign")), (MINORITY, _("ethnic minority"))],
    )
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_km = models.CharField(_("name (Khmer)"), max_length=100)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("kind")]),
        FieldPanel("name_vi"),
        FieldPanel("name_en"),
        FieldPanel("name_km"),
    ]

    class Meta:
        verbose_name = _("content language")
        verbose_name_plural = _("content languages")
        ordering = ["kind", "code"]

    def __str__(self):
        return self.name

    def clean(self):
        from .languages import validate_code

        self.code = (self.code or "").strip()
        validate_code(self.code)
        if not self._state.adding and not Language.objects.filter(pk=self.code).exists():
            raise ValidationError(
                {
                    "code": _(
                        "The code of a language cannot be changed; add the language with the new "
                        "code instead."
                    )
                }
            )

    @property
    def name(self):
        return getattr(self, f"name_{(get_language() or 'vi')[:2]}", None) or self.name_vi


class IdentifierSequence(models.Model):
    """The last number given out per prefix and year, for stable public identifiers."""

    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [("prefix", "year")]

    @classmethod
    def next_identifier(cls, year):
        prefix = settings.LIBRARY_ID_PREFIX
        with transaction.atomic():
            sequence, _ = cls.objects.select_for_update().get_or_create(prefix=prefix, year=year)
            sequence.last += 1
            sequence.save(update_fields=["last"])
        return f"{prefix}-{year}-{sequence.last:06d}"


class PlacementBlock(blocks.StructBlock):
    outlet = blocks.CharBlock(label=_("Outlet or channel"), max_length=200)
    programme = blocks.CharBlock(label=_("Programme or column"), max_length=200, required=False)
    issue = blocks.CharBlock(label=_("Issue, episode or page"), max_length=100, required=False)
    date = blocks.DateBlock(label=_("Date"), required=False)
    url = blocks.URLBlock(label=_("Link"), required=False)

    class Meta:
        icon = "site"
        label = _("Where it ran")


class AttachmentBlock(blocks.StreamBlock):
    document = DocumentChooserBlock(label=_("Document"), icon="doc-full")
    image = ImageBlock(label=_("Image"))
    media = MediaFileBlock()


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "CC-BY-NC-4.0", "CC BY-NC 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"
    ALL_RIGHTS = "all-rights-reserved", _("All rights reserved")


#: Each licence as the URI that names it (for schema.org ``license``, Dublin Core ``rights``).
LICENCE_URIS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.ALL_RIGHTS: "http://rightsstatements.org/vocab/InC/1.0/",
}

#: schema.org types of products by product-type code; any other type is a CreativeWork.
SCHEMA_TYPES = {
    "book": "Book",
    "video": "VideoObject",
    "radio-drama": "AudioObject",
    "radio-reportage": "AudioObject",
    "poster": "Poster",
    "reportage": "Article",
    "article": "Article",
}


def public_products(queryset=None):
    """Published and public: what readers, partners and harvesters may see (an embargoed product
    is not yet published: see :attr:`ProductPage.embargo_until`)."""
    return visibility.visible(ProductPage.objects.all() if queryset is None else queryset)


def embargo_start(day):
    """The go-live time of an embargo lifted on ``day``: the start of that day, local time."""
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time.min))


class LibraryPage(RolePermissionsMixin, RoutablePageMixin, SeoMixin, Page):
    """The public library: search, facets, export. Products are its children."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = PAGE_CONTENT_PANELS + [FieldPanel("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
    ]
    subpage_types = ["library.ProductPage"]
    max_count_per_parent = 1
    template = "library/library_page.html"

    def structured_data(self, context, common):
        return {"@type": "CollectionPage"}

    class Meta:
        verbose_name = _("library")

    def products(self):
        return public_products(ProductPage.objects.child_of(self).filter(locale_id=self.locale_id))

    @path("")
    def index_route(self, request):
        from .views import library_index

        return library_index(request, self)

    @path("export/<str:fmt>/", name="export")
    def export_route(self, request, fmt):
        from .views import library_export

        return library_export(request, self, fmt)


class ProductPage(RolePermissionsMixin, SeoMixin, TaggedPageMixin, Page):
    """One communication product: an article, radio drama, skit, video, leaflet, poster, book..."""

    identifier = models.CharField(
        _("identifier"), max_length=32, editable=False, db_index=True, help_text=_("Never changes.")
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES, blank=True)
    product_type = models.ForeignKey(
        "home.ProductType", verbose_name=_("product type"), on_delete=models.PROTECT, related_name="+"
    )
    channels = ParentalManyToManyField(
        "home.Channel", verbose_name=_("channels"), blank=True, related_name="+"
    )
    languages = ParentalManyToManyField(
        Language, verbose_name=_("content languages"), blank=True, related_name="products"
    )
    convention_articles = models.CharField(
        _("convention articles"), max_length=200, blank=True, help_text=_("For example: CRC art. 12, 19")
    )
    producer = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("producing organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    commissioner = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("commissioning agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    produced_on = models.DateField(_("produced on"), null=True, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, editable=False, db_index=True)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    page_count = models.PositiveIntegerField(pgettext_lazy("page count", "pages"), null=True, blank=True)
    placements = StreamField([("placement", PlacementBlock())], blank=True, verbose_name=_("where it ran"))
    attachments = StreamField(AttachmentBlock(), blank=True, verbose_name=_("attachments"))
    transcript = models.TextField(_("transcript or subtitles"), blank=True)
    licence = models.CharField(_("licence"), max_length=32, choices=Licence.choices, default=Licence.CC_BY)
    attribution = models.CharField(_("attribution"), max_length=255, blank=True)
    reprint_allowed = models.BooleanField(_("reprint allowed"), default=True)
    rebroadcast_allowed = models.BooleanField(_("rebroadcast allowed"), default=True)
    state_funded = models.BooleanField(_("state-funded"), default=False)
    funding_programme = models.CharField(_("funding programme"), max_length=255, blank=True)

    base_form_class = OrganisationPageForm
    organisation_field = "producer"
    content_panels = PAGE_CONTENT_PANELS + [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("product_type"), FieldPanel("convention_articles")]),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("channels", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("producer"), FieldPanel("commissioner")]),
                FieldRowPanel([FieldPanel("produced_on"), FieldPanel("published_on")]),
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("page_count")]),
                FieldPanel("placements"),
            ],
            heading=_("Production and publication"),
        ),
        FieldPanel("attachments"),
        AttachmentTextPanel(),
        FieldPanel("transcript"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("licence"), FieldPanel("attribution")]),
                FieldRowPanel([FieldPanel("reprint_allowed"), FieldPanel("rebroadcast_allowed")]),
                FieldRowPanel([FieldPanel("state_funded"), FieldPanel("funding_programme")]),
            ],
            heading=_("Rights and reuse"),
            help_text=_(
                "Under embargo? Set the go-live date in the publishing schedule (Status), then publish: "
                "the product stays hidden everywhere until that day."
            ),
        ),
        MultiFieldPanel(TaggedPageMixin.tagging_panels, heading=_("Tags")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("transcript"),
        index.SearchField("identifier"),
        index.FilterField("locale_id"),
        index.FilterField("year"),
    ]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + [
            TranslatableField("description"),
            TranslatableField("transcript"),
            TranslatableField("attribution"),
        ]
        + [
            SynchronizedField(name)
            for name in (
                "identifier",
                "product_type",
                "channels",
                "languages",
                "convention_articles",
                "producer",
                "commissioner",
                "produced_on",
                "published_on",
                "duration_minutes",
                "page_count",
                "placements",
                "attachments",
                "licence",
                "reprint_allowed",
                "rebroadcast_allowed",
                "go_live_at",  # an embargo holds every language until the same day
                "state_funded",
                "funding_programme",
            )
        ]
        + TaggedPageMixin.tagging_translatable_fields
    )
    parent_page_types = ["library.LibraryPage"]
    subpage_types = []
    template = "library/product_page.html"

    related_section_title = _("Library products")
    related_section_order = 20
    listing_date_field = "published_on"

    class Meta:
        verbose_name = _("library product")
        verbose_name_plural = _("library products")

    def save(self, *args, **kwargs):
        day = self.published_on or self.produced_on
        self.year = day.year if day else None
        if not self.identifier:
            self.identifier = IdentifierSequence.next_identifier(self.year or timezone.localdate().year)
        super().save(*args, **kwargs)

    def get_meta_description(self):
        return self.search_description or strip_tags(self.description)[:300]

    def search_attachments(self):
        """``[(title, text), ...]``: each attached document whose text was found
        (``library/attachment_text.py``), in the order of the attachments, by its title (or file
        name). One query."""
        return type(self).search_attachments_for([self])[self.pk]

    @classmethod
    def search_attachments_for(cls, pages):
        """``{page pk: search_attachments()}`` for many products in one query (index rebuilds)."""
        from .attachment_text import attached_document_ids

        wanted = {page.pk: attached_document_ids(page.attachments) for page in pages}
        ids = {pk for page_ids in wanted.values() for pk in page_ids}
        found = {}
        if ids:
            rows = AttachmentText.objects.filter(document_id__in=ids, status=AttachmentText.Status.DONE)
            found = {row.document_id: row for row in rows.exclude(text="").select_related("document")}
        return {
            page: [
                (found[pk].document.title or found[pk].document.filename, found[pk].text)
                for pk in page_ids
                if pk in found
            ]
            for page, page_ids in wanted.items()
        }

    @property
    def embargo_until(self):
        """The day an embargoed product becomes public: Wagtail's go-live time, as a local date.

        An embargo is scheduled publishing: a product published with a go-live time in the future
        stays unpublished (in every language: the time is synchronised) until ``publish_scheduled``
        publishes it, so nothing needs to hide a live product by hand. Imports and exports speak
        of the day (the ``embargo_until`` column); setting it schedules from that day's start."""
        return timezone.localtime(self.go_live_at).date() if self.go_live_at else None

    @embargo_until.setter
    def embargo_until(self, day):
        self.go_live_at = embargo_start(day)

    @cached_property
    def terms(self):
        """Every term shown on the page, in the page's language."""
        return {
            "product_type": term_index.related_term(self, "product_type", self.locale_id),
            **term_index.tags_of(
                self,
                self.locale_id,
                channels=True,
                conventions=True,
                content_areas=True,
                topics=True,
                provinces=True,
            ),
            "producer": term_index.related_term(self, "producer", self.locale_id),
            "commissioner": term_index.related_term(self, "commissioner", self.locale_id),
        }

    def citation(self, request=None):
        """A citation line: producer, year, title, type, identifier and URL."""
        parts = [self.terms["producer"].name if self.terms["producer"] else "", str(self.year or "")]
        head = " (".join(part for part in parts if part) + (")" if all(parts) else "")
        url = request.build_absolute_uri(self.url) if request else self.get_full_url()
        return f"{head}. {self.title}. {self.terms['product_type'].name}. {self.identifier}. {url}".lstrip(
            ". "
        )

    def structured_data(self, context, common):
        """schema.org: the product as a creative work with its identifier, licence, producer,
        dates, and the conventions and provinces it is about."""
        terms = self.terms
        kind = terms["product_type"]
        data = {
            "@type": SCHEMA_TYPES.get(getattr(kind, "code", ""), "CreativeWork"),
            "identifier": self.identifier,
            "license": LICENCE_URIS.get(self.licence, LICENCE_URIS[Licence.ALL_RIGHTS]),
            "isAccessibleForFree": True,
            "about": [
                {"@type": "Legislation", "name": term.name, "alternateName": term.code.upper()}
                for term in terms["conventions"]
            ],
            "spatialCoverage": [{"@type": "AdministrativeArea", "name": str(p)} for p in terms["provinces"]],
        }
        if kind is not None:
            data["genre"] = kind.name
        producer = schema_org.organisation(terms["producer"])
        if producer:
            data["producer"] = data["creator"] = producer
        if self.published_on:
            data["datePublished"] = schema_org.moment(self.published_on, self.first_published_at)
        if self.produced_on:
            data["dateCreated"] = schema_org.moment(self.produced_on)
        if self.attribution:
            data["creditText"] = self.attribution
        return {key: value for key, value in data.items() if value not in ([], None, "")}

    def get_context(self, request, *args, **kwargs):
        from .search import related_products

        context = super().get_context(request, *args, **kwargs)
        context["related_products"] = related_products(self)
        context["citation"] = self.citation(request)
        return context


class PartnerKey(models.Model):
    """An API key for a partner agency: identifies the harvester and sets its rate limit."""

    agency = models.CharField(_("partner agency"), max_length=255)
    prefix = models.CharField(max_length=8, unique=True, editable=False)
    key_hash = models.CharField(max_length=128, editable=False)
    requests_per_minute = models.PositiveIntegerField(_("requests per minute"), default=600)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("partner API key")
        verbose_name_plural = _("partner API keys")

    def __str__(self):
        return f"{self.agency} ({self.prefix}…)"

    def save(self, *args, **kwargs):
        """A new key gets its secret here; it is kept in memory once (``issued_secret``), stored hashed."""
        if not self.key_hash:
            secret = secrets.token_urlsafe(32)
            self.prefix, self.key_hash = secret[:8], hashlib.sha256(secret.encode()).hexdigest()
            self.issued_secret = secret
        super().save(*args, **kwargs)

    @classmethod
    def issue(cls, agency, requests_per_minute=600):
        """Create a key; returns ``(partner_key, secret)``. The secret is shown once."""
        key = cls.objects.create(agency=agency, requests_per_minute=requests_per_minute)
        return key, key.issued_secret

    @classmethod
    def find(cls, secret):
        """The active key whose secret this is, or None. Anything that cannot be a secret the site
        issued (not printable ASCII, or far too long) is None before any lookup."""
        if not secret or len(secret) > 200 or not (secret.isascii() and secret.isprintable()):
            return None
        key = cls.objects.filter(prefix=secret[:8], active=True).first()
        if key and hmac.compare_digest(key.key_hash, hashlib.sha256(secret.encode()).hexdigest()):
            return key
        return None


class ProductFacet(models.Model):
    """One facet value of one live product (see ``library.facets``)."""

    product = models.ForeignKey(ProductPage, on_delete=models.CASCADE, related_name="+", db_index=False)
    locale_id = models.PositiveIntegerField()
    facet = models.CharField(max_length=16)
    value = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["product", "facet", "value"], name="library_facet_product_value")
        ]
        indexes = [
            models.Index(fields=["facet", "value", "product"], name="library_facet_lookup"),
            models.Index(fields=["locale_id", "facet", "value"], name="library_facet_counts"),
        ]

    def __str__(self):
        return f"{self.product_id} {self.facet}={self.value}"


class ImportBatch(models.Model):
    """An uploaded import file between its dry run and its commit."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    content = models.BinaryField()
    language = models.CharField(max_length=8)
    publish = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    committed_at = models.DateTimeField(null=True, blank=True)
    report = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.filename


class ProductTombstone(models.Model):
    """A product that was public and no longer is: kept for OAI-PMH deleted-record reporting."""

    identifier = models.CharField(max_length=32, unique=True)
    deleted_at = models.DateTimeField(default=timezone.now, db_index=True)
    conventions = models.JSONField(default=list)
    provinces = models.JSONField(default=list)

    class Meta:
        ordering = ["deleted_at"]

    def __str__(self):
        return self.identifier


class AttachmentText(models.Model):
    """The text of one document, as attached to library products: what the search index gets from
    the file, or why it got nothing (``library/attachment_text.py``)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be read")
        DONE = "done", _("text found")
        FAILED = "failed", _("could not be read")
        TOO_LARGE = "skipped-too-large", _("too large to be read")
        UNSUPPORTED = "unsupported", _("not a PDF, DOCX, XLSX or text file")

    class Reason(models.TextChoices):
        UNREADABLE = "unreadable", _("the file is damaged or is not what its name says")
        ENCRYPTED = "encrypted", _("the file is protected by a password")
        TIMEOUT = "timeout", _("reading it took too long")
        TOO_LARGE = "too_large", _("the file is too large")
        MISSING = "missing", _("the file is missing from storage")
        TRUNCATED = "truncated", _("only the beginning is searchable")

    document = models.OneToOneField(
        get_document_model_string(), on_delete=models.CASCADE, related_name="attachment_text"
    )
    file_hash = models.CharField(max_length=40, blank=True)
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.PENDING)
    reason = models.CharField(max_length=16, choices=Reason.choices, blank=True)
    text = models.TextField(blank=True)
    characters = models.PositiveIntegerField(default=0)
    extracted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.document_id}: {self.status}"
