"""Public pages of the plans: the events calendar (with an iCalendar feed) and quizzes.

A quiz asks its questions in the page's language and records each set of answers with nothing
about the person beyond what the quiz asks for (name, contact, commune: each off unless the
organiser turns it on) and only after they tick the consent box. Answers are deleted after the
quiz's retention period (``manage.py purge_quiz_responses``, run daily).
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import HeroMixin, SeoMixin, TaggedPageMixin
from home.models.mixins import PAGE_CONTENT_PANELS, PAGE_TRANSLATABLE_FIELDS
from newsroom.forms import OrganisationPageForm
from newsroom.permissions import RolePermissionsMixin

__all__ = ["CalendarPage", "QuestionBlock", "QuizPage", "QuizResponse"]


class CalendarPage(RolePermissionsMixin, RoutablePageMixin, SeoMixin, HeroMixin, TaggedPageMixin, Page):
    """Events of the plans (Human Rights Day, contests, exhibitions) and the iCalendar feed."""

    intro = models.TextField(_("introduction"), blank=True)
    province = models.ForeignKey(
        "home.Province",
        verbose_name=_("only this province's plans"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = PAGE_CONTENT_PANELS + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("province"),
        MultiFieldPanel(TaggedPageMixin.tagging_panels, heading=_("Tags")),
    ]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + [TranslatableField("intro"), SynchronizedField("hero_image"), SynchronizedField("province")]
        + TaggedPageMixin.tagging_translatable_fields
    )
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["plans.QuizPage"]
    max_count_per_parent = 1
    template = "plans/calendar_page.html"

    def structured_data(self, context, common):
        return {"@type": "CollectionPage"}

    class Meta:
        verbose_name = _("events calendar")

    def events(self):
        from home import visibility

        from .activities import Event

        events = visibility.visible(Event.objects.filter(locale_id=self.locale_id))
        if self.province_id:
            events = events.filter(plan__province__translation_key=self.province.translation_key)
        return events.select_related("organiser").order_by("date", "starts_at", "title")

    @path("")
    def index_route(self, request):
        from ..views import calendar_index

        return calendar_index(request, self)

    @path("ics/", name="ics")
    def ics_route(self, request):
        from ..views import calendar_feed

        return calendar_feed(request, self)


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=500)
    choices = blocks.ListBlock(
        blocks.CharBlock(label=_("Answer"), max_length=300), label=_("Answers"), min_num=2
    )
    correct = blocks.IntegerBlock(
        label=_("Number of the correct answer"),
        min_value=1,
        help_text=_("1 for the first answer, 2 for the second..."),
    )
    explanation = blocks.TextBlock(label=_("Explanation shown after answering"), required=False)

    class Meta:
        icon = "help"
        label = _("Question")
        description = _("A question with several answers, one of them correct.")
        preview_value = {
            "question": "Ngày Nhân quyền thế giới là ngày nào?",
            "choices": ["10/12", "1/6", "2/9"],
            "correct": 1,
        }

    def clean(self, value):
        from django.core.exceptions import ValidationError

        from wagtail.blocks import StructBlockValidationError

        value = super().clean(value)
        if value["correct"] > len(value["choices"]):
            raise StructBlockValidationError(
                block_errors={"correct": ValidationError(_("There is no answer with this number."))}
            )
        return value


class QuizPage(RolePermissionsMixin, SeoMixin, HeroMixin, TaggedPageMixin, Page):
    """A public quiz or contest round in vi/en/km; answers are recorded for the organiser."""

    intro = models.TextField(_("introduction"), blank=True)
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organiser = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("organising agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its editors see the answers."),
    )
    opens_on = models.DateField(_("open from"), null=True, blank=True)
    closes_on = models.DateField(_("open until"), null=True, blank=True)
    questions = StreamField([("question", QuestionBlock())], verbose_name=_("questions"))
    ask_name = models.BooleanField(_("ask for a name"), default=False)
    ask_contact = models.BooleanField(_("ask for a phone number or e-mail address"), default=False)
    ask_commune = models.BooleanField(_("ask for the commune or ward"), default=False)
    purpose = models.TextField(
        _("why the answers are collected"),
        help_text=_("Shown beside the consent box, for example: to award the contest's prizes."),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("keep answers for (days)"), default=180, help_text=_("Then they are deleted.")
    )
    thank_you = models.TextField(_("message after answering"), blank=True)

    base_form_class = OrganisationPageForm
    organisation_field = "organiser"
    content_panels = PAGE_CONTENT_PANELS + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldRowPanel([FieldPanel("plan"), FieldPanel("organiser")]),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("ask_name"), FieldPanel("ask_contact"), FieldPanel("ask_commune")]),
                FieldPanel("purpose"),
                FieldPanel("retention_days"),
            ],
            heading=_("Personal data and consent"),
        ),
        FieldPanel("thank_you"),
        MultiFieldPanel(TaggedPageMixin.tagging_panels, heading=_("Tags")),
    ]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + [
            TranslatableField("intro"),
            TranslatableField("questions"),
            TranslatableField("purpose"),
            TranslatableField("thank_you"),
        ]
        + [
            SynchronizedField(name)
            for name in (
                "hero_image",
                "plan",
                "organiser",
                "opens_on",
                "closes_on",
                "ask_name",
                "ask_contact",
                "ask_commune",
                "retention_days",
            )
        ]
        + TaggedPageMixin.tagging_translatable_fields
    )
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["plans.CalendarPage", "home.HomePage", "home.StandardPage"]
    subpage_types = []
    template = "plans/quiz_page.html"

    def structured_data(self, context, common):
        return {"@type": "Quiz", "educationalUse": "assessment"}

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def is_open(self, today=None):
        today = today or timezone.localdate()
        return (self.opens_on is None or self.opens_on <= today) and (
            self.closes_on is None or today <= self.closes_on
        )

    def serve(self, request, *args, **kwargs):
        from ..views import serve_quiz

        return serve_quiz(request, self)

    def get_meta_description(self):
        return self.search_description or self.intro


class QuizResponse(models.Model):
    """One person's answers to a quiz, kept for the quiz's retention period."""

    quiz_key = models.UUIDField(_("quiz"), db_index=True, help_text=_("The quiz in every language."))
    page = models.ForeignKey(
        QuizPage, verbose_name=_("answered on"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    answers = models.JSONField(_("answers"), default=list)
    score = models.PositiveSmallIntegerField(_("score"))
    out_of = models.PositiveSmallIntegerField(_("out of"))
    name = models.CharField(_("name"), max_length=255, blank=True)
    contact = models.CharField(_("phone or e-mail"), max_length=255, blank=True)
    commune = models.CharField(_("commune or ward"), max_length=255, blank=True)
    consent = models.BooleanField(_("consent given"), default=False)
    delete_after = models.DateField(_("delete after"))

    class Meta:
        verbose_name = _("quiz answers")
        verbose_name_plural = _("quiz answers")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.submitted_at:%d/%m/%Y %H:%M} · {self.score}/{self.out_of}"

    @classmethod
    def retention_end(cls, page, when=None):
        when = timezone.localdate(when) if when else timezone.localdate()
        return when + timedelta(days=page.retention_days)
