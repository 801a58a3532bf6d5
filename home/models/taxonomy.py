"""Shared vocabularies: conventions, provinces, content areas, topics, product types, channels.

Every term is a translatable snippet: one row per locale, linked across locales by
``translation_key``. Content may point at a term in any locale; filters compare translation keys,
so a filter works the same in vi, en and km. Reference data is loaded by
``manage.py load_reference_data``; ``loaded_values`` remembers what the file last said so that a
reload never overwrites an editor's change.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from search.folding import fold

__all__ = [
    "Channel",
    "ContentArea",
    "Convention",
    "PageProvince",
    "ProductType",
    "Province",
    "TaxonomyTerm",
    "Topic",
]


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """A term of a controlled vocabulary with a stable ``code`` shared by its translations."""

    code = models.CharField(
        _("code"),
        max_length=64,
        help_text=_("Stable identifier shared by every language; used in data exchange."),
    )
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"), max_length=100, allow_unicode=False, help_text=_("Used in addresses and filters.")
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    loaded_values = models.JSONField(default=dict, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("sort_order")]),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("slug"),
        TranslatableField("description"),
        SynchronizedField("code"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("code", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class ContentArea(TaxonomyTerm):
    """One of the five communication content areas of the provincial plans."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("content area")
        verbose_name_plural = _("content areas")


class Topic(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class ProductType(TaxonomyTerm):
    """A kind of communication product: article, radio drama, leaflet, video..."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("product type")
        verbose_name_plural = _("product types")


class Channel(TaxonomyTerm):
    """Where a product is published or broadcast."""

    is_digital = models.BooleanField(
        _("digital platform"),
        default=False,
        help_text=_("Counts towards the plan's target for products on digital platforms."),
    )

    panels = TaxonomyTerm.panels + [FieldPanel("is_digital")]
    translatable_fields = TaxonomyTerm.translatable_fields + [SynchronizedField("is_digital")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("channel")
        verbose_name_plural = _("channels")


class Convention(TaxonomyTerm):
    """One of the seven core UN human rights treaties Viet Nam is party to."""

    adopted = models.DateField(_("adopted by the UN General Assembly"), null=True, blank=True)
    entry_into_force = models.DateField(_("entry into force"), null=True, blank=True)
    vn_signature = models.DateField(_("signed by Viet Nam"), null=True, blank=True)
    vn_ratification = models.DateField(_("ratified by Viet Nam"), null=True, blank=True)
    vn_accession = models.DateField(_("Viet Nam's accession"), null=True, blank=True)
    treaty_body = models.CharField(_("treaty body"), max_length=255, blank=True)
    treaty_body_code = models.CharField(_("treaty body code"), max_length=16, blank=True)

    panels = TaxonomyTerm.panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("adopted"), FieldPanel("entry_into_force")]),
                FieldRowPanel(
                    [FieldPanel("vn_signature"), FieldPanel("vn_ratification"), FieldPanel("vn_accession")]
                ),
            ],
            heading=_("Dates"),
        ),
        FieldRowPanel([FieldPanel("treaty_body"), FieldPanel("treaty_body_code")]),
    ]
    translatable_fields = TaxonomyTerm.translatable_fields + [
        TranslatableField("treaty_body"),
        SynchronizedField("adopted"),
        SynchronizedField("entry_into_force"),
        SynchronizedField("vn_signature"),
        SynchronizedField("vn_ratification"),
        SynchronizedField("vn_accession"),
        SynchronizedField("treaty_body_code"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("convention")
        verbose_name_plural = _("conventions")

    @property
    def abbreviation(self):
        return self.code

    @property
    def vn_became_party(self):
        """The date Viet Nam became bound: ratification or accession."""
        return self.vn_ratification or self.vn_accession


class Province(TranslatableMixin, models.Model):
    """A provincial-level unit: one of the 34 in force since 1 July 2025, or one of the 63 before.

    Former units point at their ``successor``. Content keeps the unit it was tagged with; filters
    expand a current unit to the former units merged into it (see ``home.provinces``).
    """

    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        CITY = "city", _("centrally-run city")

    reference = models.CharField(
        _("reference"),
        max_length=64,
        help_text=_("Stable identifier from the reference data, e.g. former-24 or current-bac-ninh."),
    )
    code = models.CharField(_("official code"), max_length=8, blank=True)
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=100)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.PROVINCE)
    valid_from = models.DateField(_("in force from"), null=True, blank=True)
    valid_until = models.DateField(_("in force until"), null=True, blank=True)
    aliases = models.JSONField(_("other spellings"), default=list, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    search_text = models.TextField(editable=False, blank=True)
    loaded_values = models.JSONField(default=dict, blank=True, editable=False)

    localized_select_related = ("successor",)

    panels = [
        FieldPanel("name"),
        FieldPanel("aliases"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("code"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldPanel("successor"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("code"),
        SynchronizedField("kind"),
        SynchronizedField("valid_from"),
        SynchronizedField("valid_until"),
        SynchronizedField("aliases"),
        SynchronizedField("successor"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["valid_until", "name"]
        unique_together = [("translation_key", "locale"), ("reference", "locale"), ("slug", "locale")]

    def __str__(self):
        if self.is_current:
            return self.name
        until = f"{self.valid_until.day}/{self.valid_until.month}/{self.valid_until.year}"
        if self.successor_id:
            return _("%(name)s (to %(until)s → %(successor)s)") % {
                "name": self.name,
                "until": until,
                "successor": self.successor.name,
            }
        return _("%(name)s (to %(until)s)") % {"name": self.name, "until": until}

    def save(self, *args, **kwargs):
        self.search_text = " | ".join(fold(text) for text in [self.name, *self.aliases, self.slug] if text)
        super().save(*args, **kwargs)

    @property
    def is_current(self):
        return self.valid_until is None


class PageProvince(Orderable):
    """A province a page is about. Pages of every taggable type share this relation."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="province_tags")
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("province")]

    class Meta(Orderable.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        unique_together = [("page", "province")]
