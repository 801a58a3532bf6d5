"""What agencies do under a plan: trainings, press briefings and statements, events.

Each activity belongs to a plan and an organising agency (whose editors record it), happens within
the plan's period, and can link to the library products and articles it produced or announced.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from newsroom.forms import OrganisationItemForm

from .plan import AudienceGroup, Plan

__all__ = ["Attendance", "Event", "PressBriefing", "Training"]


class ActivityForm(OrganisationItemForm):
    """An editor records activities of their own agency only, under a plan in the row's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.models import Locale

        locale_id = self.instance.locale_id or Locale.get_default().pk
        if "plan" in self.fields:
            self.fields["plan"].queryset = Plan.objects.filter(locale_id=locale_id)
        for name in ("products", "articles"):
            if name in self.fields:
                self.fields[name].queryset = self.fields[name].queryset.filter(locale_id=locale_id)


class Activity(TranslatableMixin, index.Indexed, ClusterableModel):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=500)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    organiser = models.ForeignKey(
        "home.Organisation", verbose_name=_("organising agency"), on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField(_("notes"), blank=True)
    products = ParentalManyToManyField(
        "library.ProductPage", verbose_name=_("library products"), blank=True, related_name="+"
    )
    articles = ParentalManyToManyField(
        "news.ArticlePage", verbose_name=_("articles"), blank=True, related_name="+"
    )

    organisation_field = "organiser"
    base_form_class = ActivityForm
    link_panels = [
        MultiFieldPanel(
            [FieldPanel("products"), FieldPanel("articles")],
            heading=_("Products and articles"),
        )
    ]
    base_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("place"),
        TranslatableField("notes"),
        SynchronizedField("plan"),
        SynchronizedField("date"),
        SynchronizedField("organiser"),
        SynchronizedField("products"),
        SynchronizedField("articles"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["-date", "title"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} · {self.title}"

    def end_date(self):
        return getattr(self, "ends_on", None) or self.date

    def clean(self):
        errors = {}
        plan = self.plan if self.plan_id else None
        if plan is not None:
            for name, day in (("date", self.date), ("ends_on", getattr(self, "ends_on", None))):
                if day is not None and not plan.covers(day):
                    errors[name] = _("%(date)s is outside the plan's period (%(start)s–%(end)s).") % {
                        "date": day.strftime("%d/%m/%Y"),
                        "start": plan.starts_on.strftime("%d/%m/%Y"),
                        "end": plan.ends_on.strftime("%d/%m/%Y"),
                    }
        ends_on = getattr(self, "ends_on", None)
        if ends_on and self.date and ends_on < self.date:
            errors["ends_on"] = _("The end is before the start.")
        if errors:
            raise ValidationError(errors)


class Training(Activity):
    """A training or information session: who was invited and who attended, by audience group."""

    ends_on = models.DateField(_("until"), null=True, blank=True)

    panels = [
        FieldPanel("plan"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("organiser")]),
        InlinePanel(
            "attendance", heading=_("Attendance by audience group"), label=_("Audience group"), min_num=1
        ),
        FieldPanel("notes"),
        *Activity.link_panels,
    ]
    translatable_fields = Activity.base_translatable_fields + [
        SynchronizedField("ends_on"),
        SynchronizedField("attendance"),
    ]

    class Meta(Activity.Meta):
        verbose_name = _("training")
        verbose_name_plural = _("trainings")


class Attendance(Orderable):
    """How many of one audience group were invited, came, and came for the first time under the plan."""

    training = ParentalKey(Training, on_delete=models.CASCADE, related_name="attendance")
    audience = models.ForeignKey(
        AudienceGroup, verbose_name=_("audience group"), on_delete=models.PROTECT, related_name="+"
    )
    invited = models.PositiveIntegerField(_("invited"))
    attended = models.PositiveIntegerField(_("attended"))
    first_time = models.PositiveIntegerField(
        _("of whom trained for the first time"),
        help_text=_("Under this plan. Training targets count these, so nobody is counted twice."),
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("audience"), FieldPanel("invited"), FieldPanel("attended"), FieldPanel("first_time")]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self):
        return f"{self.audience}: {self.attended}/{self.invited}"

    def clean(self):
        errors = {}
        if self.attended is not None and self.invited is not None and self.attended > self.invited:
            errors["attended"] = _("More people attended (%(attended)s) than were invited (%(invited)s).") % {
                "attended": self.attended,
                "invited": self.invited,
            }
        if self.first_time is not None and self.attended is not None and self.first_time > self.attended:
            errors["first_time"] = _("More people were trained for the first time than attended.")
        if errors:
            raise ValidationError(errors)


class PressBriefing(Activity):
    """A press briefing held by an agency, or a statement by its spokesperson."""

    class Kind(models.TextChoices):
        BRIEFING = "briefing", _("Press briefing")
        STATEMENT = "statement", _("Spokesperson's statement")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.BRIEFING)
    spokesperson = models.CharField(
        _("spokesperson"),
        max_length=255,
        blank=True,
        help_text=_("The official's position, for example: Phó Giám đốc Sở."),
    )
    url = models.URLField(_("link"), blank=True)

    panels = [
        FieldPanel("plan"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("organiser"), FieldPanel("spokesperson")]),
        FieldRowPanel([FieldPanel("place"), FieldPanel("url")]),
        FieldPanel("notes"),
        *Activity.link_panels,
    ]
    translatable_fields = Activity.base_translatable_fields + [
        TranslatableField("spokesperson"),
        SynchronizedField("kind"),
        SynchronizedField("url"),
    ]

    class Meta(Activity.Meta):
        verbose_name = _("press briefing or statement")
        verbose_name_plural = _("press briefings and statements")


class Event(Activity):
    """An event on the public calendar: Human Rights Day (10/12), a contest, an exhibition opening..."""

    class Kind(models.TextChoices):
        HUMAN_RIGHTS_DAY = "human-rights-day", _("Human Rights Day")
        CONTEST = "contest", pgettext_lazy("event", "Contest or quiz")
        EXHIBITION = "exhibition", pgettext_lazy("event", "Exhibition")
        OTHER = "other", pgettext_lazy("event", "Other event")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.OTHER)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    starts_at = models.TimeField(_("starts at"), null=True, blank=True, help_text=_("Empty: all day."))
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    published = models.BooleanField(_("show on the public calendar"), default=True)

    panels = [
        FieldPanel("plan"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("published")]),
        FieldPanel("title"),
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("starts_at"), FieldPanel("ends_on"), FieldPanel("ends_at")]
        ),
        FieldRowPanel([FieldPanel("place"), FieldPanel("organiser")]),
        FieldPanel("notes"),
        *Activity.link_panels,
    ]
    translatable_fields = Activity.base_translatable_fields + [
        SynchronizedField("kind"),
        SynchronizedField("ends_on"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("published"),
    ]

    class Meta(Activity.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @classmethod
    def public_objects(cls, queryset):
        """What the public calendar shows (``home.visibility.visible``)."""
        return queryset.filter(published=True)

    def clean(self):
        super().clean()
        if self.ends_at and not self.starts_at:
            raise ValidationError({"starts_at": _("Give the start time too, or neither.")})
        if (
            self.starts_at
            and self.ends_at
            and (self.ends_on in (None, self.date))
            and self.ends_at <= self.starts_at
        ):
            raise ValidationError({"ends_at": _("The end is before the start.")})
