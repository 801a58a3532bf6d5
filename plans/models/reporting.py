"""Reporting on time: each agency's annual contribution, the provincial reports, notices sent.

A submitted contribution or report is never changed: a correction is a new revision that records
its reason and points at the revision it replaces, so the history stays whole.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .plan import Plan

__all__ = ["Contribution", "Notice", "ProvincialReport", "ReportKind"]


class ReportKind(models.TextChoices):
    ANNUAL = "annual", pgettext_lazy("report", "Annual report")
    INTERIM = "interim", pgettext_lazy("review", "Interim review")
    FINAL = "final", pgettext_lazy("review", "Final review")


class Revisioned(models.Model):
    """A submission kept as revisions: revision 1, then corrections with their reasons."""

    revision = models.PositiveSmallIntegerField(_("revision"), default=1, editable=False)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    reason = models.TextField(_("reason for the correction"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    submitted_at = models.DateTimeField(
        pgettext_lazy("date label", "Submitted"), default=timezone.now, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not getattr(self, "_allow_update", False):
            raise ValidationError(_("A submitted report is not changed: submit a correction instead."))
        if self.supersedes_id and not self.reason.strip():
            raise ValidationError({"reason": _("Say why the report is corrected.")})
        super().save(*args, **kwargs)

    @property
    def is_current(self):
        return not hasattr(self, "superseded_by")  # the reverse accessor raises when nothing corrects it

    def history(self):
        """This revision and every earlier one, newest first."""
        rows, current = [], self
        while current is not None:
            rows.append(current)
            current = current.supersedes
        return rows


class Contribution(Revisioned):
    """An agency's annual contribution to the provincial report."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="contributions"
    )
    agency = models.ForeignKey(
        "home.Organisation", verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    activities = models.TextField(
        _("what the agency did"), help_text=_("Activities, products, trainings, briefings.")
    )
    results = models.TextField(_("results against the plan's targets"))
    difficulties = models.TextField(_("difficulties"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)

    organisation_field = "agency"

    class Meta:
        verbose_name = _("agency contribution")
        verbose_name_plural = _("agency contributions")
        ordering = ["plan", "year", "agency", "-revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "agency", "year", "revision"], name="plans_contribution_revision"
            )
        ]

    def __str__(self):
        return f"{self.agency} · {self.year} (r{self.revision})"


class ProvincialReport(Revisioned):
    """The province's annual report, 3-year interim review or 5-year final review.

    ``snapshot`` keeps the figures and contributions as they stood when the report was submitted,
    so the exported document always says what was reported.
    """

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField(_("kind"), max_length=16, choices=ReportKind.choices, default=ReportKind.ANNUAL)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.CharField(
        _("document number"), max_length=64, blank=True, help_text=_("For example: 412/BC-UBND.")
    )
    signed_on = models.DateField(_("date"))
    place = models.CharField(_("place of issue"), max_length=100, help_text=_("For example: An Giang."))
    signatory_role = models.CharField(
        _("signs for"),
        max_length=255,
        help_text=_("For example: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH."),
    )
    signatory_name = models.CharField(_("signed by"), max_length=255)
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("One per line (Nơi nhận)."))
    assessment = models.TextField(_("overall assessment"))
    proposals = models.TextField(_("proposals"), blank=True)
    summary_en = models.TextField(_("summary in English"))
    summary_km = models.TextField(_("summary in Khmer"))
    snapshot = models.JSONField(default=dict, editable=False)

    class Meta:
        verbose_name = _("provincial report")
        verbose_name_plural = _("provincial reports")
        ordering = ["plan", "-year", "kind", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "kind", "year", "revision"], name="plans_report_revision")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year} (r{self.revision})"

    def years_covered(self):
        """An annual report covers its year; a review, the plan's years up to its year."""
        if self.kind == ReportKind.ANNUAL:
            return [self.year]
        return [year for year in self.plan.years if year <= self.year]


class Notice(models.Model):
    """An e-mail notice that was sent, so that the daily command never sends it twice."""

    key = models.CharField(max_length=255, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("notice sent")
        verbose_name_plural = _("notices sent")

    def __str__(self):
        return self.key
