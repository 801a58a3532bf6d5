"""A province's plan as data: the document, its targets, deadlines and review points, its agencies.

Every model here is translatable (wagtail-localize): the plan's Vietnamese text is the source, and
the en/km rows carry the short renderings. Numbers, dates, thresholds and links are synchronised.
Measures count the default-language rows only (see :mod:`plans.measures`).
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

__all__ = ["AudienceGroup", "Measure", "Plan", "PlanAgency", "ReviewPoint", "Steward", "Target"]


class AudienceGroup(TranslatableMixin, models.Model):
    """Who attends trainings, as the plans name them (officials doing human-rights work...)."""

    code = models.SlugField(
        _("code"), max_length=64, help_text=_("Stable identifier shared by every language.")
    )
    name = models.CharField(_("name"), max_length=255)

    panels = [FieldPanel("name"), FieldPanel("code")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("code")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("audience group")
        verbose_name_plural = _("audience groups")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    def __str__(self):
        return self.name


def _reminder_days(value):
    if not re.fullmatch(r"\s*\d{1,3}(\s*,\s*\d{1,3})*\s*", value or ""):
        raise ValidationError(_("Enter whole numbers of days separated by commas, for example 30, 7, 1."))


class Plan(TranslatableMixin, index.Indexed, ClusterableModel):
    """One province's plan implementing Decision 1079/QĐ-TTg."""

    province = models.ForeignKey(
        "home.Province", verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=500)
    number = models.CharField(
        _("document number"), max_length=64, blank=True, help_text=_("For example: 355/KH-UBND.")
    )
    issued_on = models.DateField(_("date of issue"))
    issuing_body = models.CharField(
        _("issuing body"), max_length=255, help_text=_("For example: Ủy ban nhân dân tỉnh An Giang.")
    )
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period until"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("the signed document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), blank=True)
    coordinator = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("coordinating agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The agency that assembles the provincial report."),
    )
    report_due_day = models.PositiveSmallIntegerField(_("annual report due: day"), default=10)
    report_due_month = models.PositiveSmallIntegerField(_("annual report due: month"), default=12)
    reminder_days = models.CharField(
        _("reminders (days before a deadline)"),
        max_length=64,
        default="30, 7, 1",
        validators=[_reminder_days],
        help_text=_("Agencies that have not submitted are e-mailed this many days before each deadline."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("province"), FieldPanel("number"), FieldPanel("issued_on")]),
        FieldPanel("issuing_body"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("document"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("coordinator"),
                FieldRowPanel([FieldPanel("report_due_day"), FieldPanel("report_due_month")]),
                FieldPanel("reminder_days"),
                InlinePanel("review_points", heading=_("Review points"), label=_("Review point")),
            ],
            heading=_("Reporting"),
        ),
        InlinePanel("targets", heading=_("Targets"), label=pgettext_lazy("plan", "Target")),
        InlinePanel("agencies", heading=_("Agencies and their duties"), label=_("Agency")),
        InlinePanel("stewards", heading=_("Conventions and their steward agencies"), label=_("Steward")),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("issuing_body"),
        TranslatableField("summary"),
        TranslatableField("targets"),
        TranslatableField("agencies"),
        TranslatableField("stewards"),
        SynchronizedField("province"),
        SynchronizedField("number"),
        SynchronizedField("issued_on"),
        SynchronizedField("starts_on"),
        SynchronizedField("ends_on"),
        SynchronizedField("document"),
        SynchronizedField("coordinator"),
        SynchronizedField("report_due_day"),
        SynchronizedField("report_due_month"),
        SynchronizedField("reminder_days"),
        SynchronizedField("review_points"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-starts_on", "title"]

    def __str__(self):
        return f"{self.number} · {self.title}" if self.number else self.title

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.starts_on > self.ends_on:
            errors["ends_on"] = _("The plan's period ends before it starts.")
        try:
            date(2024, self.report_due_month or 0, self.report_due_day or 0)  # 2024: 29/2 is allowed
        except ValueError:
            errors["report_due_day"] = _("This day does not exist in that month.")
        if errors:
            raise ValidationError(errors)

    @property
    def years(self):
        return list(range(self.starts_on.year, self.ends_on.year + 1))

    def covers(self, day):
        return self.starts_on <= day <= self.ends_on

    def annual_due(self, year):
        """The annual report's deadline in ``year`` (29/2 falls back to 28/2 in other years)."""
        try:
            return date(year, self.report_due_month, self.report_due_day)
        except ValueError:
            return date(year, self.report_due_month, self.report_due_day - 1)

    @property
    def reminders(self):
        return sorted({int(part) for part in self.reminder_days.split(",") if part.strip()}, reverse=True)

    def deadlines(self):
        """``[(kind, year, due_on)]``: every annual report in the period and each review point."""
        rows = [("annual", year, self.annual_due(year)) for year in self.years]
        rows += [(point.kind, point.year, point.due_on) for point in self.review_points.all()]
        return sorted(rows, key=lambda row: (row[2], row[0]))

    def in_default_locale(self):
        from wagtail.models import Locale

        return self.get_translation_or_none(Locale.get_default()) or self

    def translated(self, language_code):
        from wagtail.models import Locale

        locale = Locale.objects.filter(language_code=language_code).first()
        return (locale and self.get_translation_or_none(locale)) or self


class Measure(models.TextChoices):
    """How a target is measured (the rules are in docs/REPORTS.md and :mod:`plans.measures`)."""

    LANGUAGE = "language", _("Share of products in ethnic-minority or foreign languages")
    DIGITAL_NATIVE = "digital_native", _("Share of products made for digital platforms")
    LANGUAGE_OR_DIGITAL = (
        "language_or_digital",
        _("Share of products in ethnic-minority or foreign languages or made for digital platforms"),
    )
    ONLINE = "online", _("Share of products also published online")
    TRAINED = "trained", _("Share of an audience group trained")
    SPOKESPERSON = "spokesperson", _("Share of state agencies informing the press regularly")
    BRIEFINGS = "briefings", _("Press briefings held in the year")

    @classmethod
    def percentages(cls):
        return {
            cls.LANGUAGE,
            cls.DIGITAL_NATIVE,
            cls.LANGUAGE_OR_DIGITAL,
            cls.ONLINE,
            cls.TRAINED,
            cls.SPOKESPERSON,
        }


class Target(TranslatableMixin, Orderable):
    """One measurable target, in the plan's own words, with how it is measured and its threshold."""

    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="targets")
    code = models.SlugField(_("code"), max_length=64, help_text=_("Stable identifier within the plan."))
    wording = models.TextField(_("the plan's wording"))
    short = models.CharField(_("short name"), max_length=255)
    measure = models.CharField(_("measure"), max_length=32, choices=Measure.choices)
    threshold = models.DecimalField(
        _("threshold"), max_digits=7, decimal_places=2, help_text=_("Per cent, or briefings per year.")
    )
    threshold_max = models.DecimalField(
        _("upper end of the range"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("For a range such as 15–20%: 20. The target is met from the lower end."),
    )
    by_year = models.PositiveSmallIntegerField(_("to be reached by"), null=True, blank=True)
    audience = models.ForeignKey(
        AudienceGroup,
        verbose_name=_("audience group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    population = models.PositiveIntegerField(
        _("people in the group"),
        null=True,
        blank=True,
        help_text=_("Training targets: how many people the group has in the province."),
    )
    per_agency_minimum = models.PositiveSmallIntegerField(
        _("briefings or statements per agency and year"),
        null=True,
        blank=True,
        help_text=_("Spokesperson target: 4 for quarterly, 12 for monthly."),
    )

    panels = [
        FieldPanel("wording"),
        FieldRowPanel([FieldPanel("short"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("measure"), FieldPanel("by_year")]),
        FieldRowPanel([FieldPanel("threshold"), FieldPanel("threshold_max")]),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("population"), FieldPanel("per_agency_minimum")]),
    ]
    translatable_fields = [
        TranslatableField("wording"),
        TranslatableField("short"),
        SynchronizedField("code"),
        SynchronizedField("measure"),
        SynchronizedField("threshold"),
        SynchronizedField("threshold_max"),
        SynchronizedField("by_year"),
        SynchronizedField("audience"),
        SynchronizedField("population"),
        SynchronizedField("per_agency_minimum"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        unique_together = [("translation_key", "locale")]

    def __str__(self):
        return self.short

    @property
    def is_percentage(self):
        return self.measure in Measure.percentages()

    def clean(self):
        errors = {}
        if self.measure == Measure.TRAINED and self.audience_id is None:
            errors["audience"] = _("A training target needs the audience group it counts.")
        if self.measure == Measure.SPOKESPERSON and not self.per_agency_minimum:
            errors["per_agency_minimum"] = _(
                "Say how many briefings or statements an agency must give a year."
            )
        if self.is_percentage and self.threshold is not None and not 0 <= self.threshold <= 100:
            errors["threshold"] = _("A share is between 0 and 100 per cent.")
        if (
            self.threshold_max is not None
            and self.threshold is not None
            and self.threshold_max < self.threshold
        ):
            errors["threshold_max"] = _("The upper end is below the threshold.")
        if errors:
            raise ValidationError(errors)


class PlanAgency(TranslatableMixin, Orderable):
    """An agency named by the plan, with its duties."""

    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="agencies")
    organisation = models.ForeignKey(
        "home.Organisation", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    duties = models.TextField(_("duties"), blank=True)
    is_state_agency = models.BooleanField(
        _("state administrative agency"),
        default=True,
        help_text=_("Counts towards the target of state agencies that inform the press regularly."),
    )
    submits_contribution = models.BooleanField(
        _("submits an annual contribution"), default=True, help_text=_("Gets reminders before each deadline.")
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("duties"),
        FieldRowPanel([FieldPanel("is_state_agency"), FieldPanel("submits_contribution")]),
    ]
    translatable_fields = [
        TranslatableField("duties"),
        SynchronizedField("organisation"),
        SynchronizedField("is_state_agency"),
        SynchronizedField("submits_contribution"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        unique_together = [("translation_key", "locale")]

    def __str__(self):
        return str(self.organisation)


class Steward(TranslatableMixin, Orderable):
    """The agency that stewards one convention (or a mechanism such as the UPR) under the plan."""

    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="stewards")
    convention = models.ForeignKey(
        "home.Convention",
        verbose_name=_("convention"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    mechanism = models.CharField(
        _("or a mechanism"),
        max_length=255,
        blank=True,
        help_text=_("For example: the Universal Periodic Review (UPR)."),
    )
    organisation = models.ForeignKey(
        "home.Organisation", verbose_name=_("steward agency"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldRowPanel([FieldPanel("convention"), FieldPanel("mechanism")]), FieldPanel("organisation")]
    translatable_fields = [
        TranslatableField("mechanism"),
        SynchronizedField("convention"),
        SynchronizedField("organisation"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("steward")
        verbose_name_plural = _("stewards")
        unique_together = [("translation_key", "locale")]

    def __str__(self):
        return f"{self.subject}: {self.organisation}"

    @property
    def subject(self):
        return self.convention.code if self.convention_id else self.mechanism

    def clean(self):
        if bool(self.convention_id) == bool(self.mechanism.strip()):
            raise ValidationError({"mechanism": _("Choose a convention or name a mechanism, not both.")})


class ReviewPoint(Orderable):
    """A review the plan asks for besides the annual reports: the 3-year interim, the 5-year final."""

    class Kind(models.TextChoices):
        INTERIM = "interim", pgettext_lazy("review", "Interim review")
        FINAL = "final", pgettext_lazy("review", "Final review")

    plan = ParentalKey(Plan, on_delete=models.CASCADE, related_name="review_points")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year reported on"))
    due_on = models.DateField(_("due on"))

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("year"), FieldPanel("due_on")])]

    class Meta(Orderable.Meta):
        verbose_name = _("review point")
        verbose_name_plural = _("review points")

    def __str__(self):
        return f"{self.get_kind_display()} {self.year}"

    def clean(self):
        if self.year and self.due_on and self.due_on.year < self.year:
            raise ValidationError({"due_on": _("The review is due before the year it reports on.")})
