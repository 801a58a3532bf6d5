"""Forms for what agencies and the province submit: contributions, provincial reports, quiz answers.

Every rule of issue 23's "bad input" is a form error in the person's language: a year not yet
reached or outside the plan's period, a second submission for the same year (a correction is a new
revision with its reason), and for quizzes an answer missing or consent not given.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from home.models import Organisation

from .models import Contribution, Plan, ProvincialReport, ReportKind

TEXTAREA = forms.Textarea(attrs={"rows": 5})


def _check_year(plan, year, errors):
    today = timezone.localdate()
    if year > today.year:
        errors["year"] = _(
            "%(year)s has not been reached yet: a report can only be made for this year or earlier."
        ) % {"year": year}
    elif year not in plan.years:
        errors["year"] = _("%(year)s is outside the plan's period (%(start)s–%(end)s).") % {
            "year": year,
            "start": plan.starts_on.year,
            "end": plan.ends_on.year,
        }


class ContributionForm(forms.ModelForm):
    """An agency's annual contribution. ``agencies`` are the organisations the person submits for."""

    class Meta:
        model = Contribution
        fields = ["plan", "agency", "year", "activities", "results", "difficulties", "proposals"]
        widgets = dict.fromkeys(("activities", "results", "difficulties", "proposals"), TEXTAREA)

    def __init__(self, *args, plans, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["agency"].queryset = agencies
        self.fields["year"].initial = timezone.localdate().year
        if len(plans) == 1:
            self.fields["plan"].initial = plans[0].pk
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0].pk

    def clean(self):
        data = super().clean()
        plan, agency, year = data.get("plan"), data.get("agency"), data.get("year")
        if not (plan and agency and year):
            return data
        errors = {}
        _check_year(plan, year, errors)
        if not plan.agencies.filter(organisation__translation_key=agency.translation_key).exists():
            errors["agency"] = _("%(agency)s is not one of this plan's agencies.") % {"agency": agency}
        earlier = (
            Contribution.objects.filter(plan=plan, agency=agency, year=year).order_by("-revision").first()
        )
        if earlier is not None:
            errors["year"] = _(
                "%(agency)s already submitted its contribution for %(year)s on %(date)s. To change it, "
                "correct that contribution: the correction is kept as a new revision with its reason."
            ) % {
                "agency": agency,
                "year": year,
                "date": timezone.localtime(earlier.submitted_at).strftime("%d/%m/%Y"),
            }
        if errors:
            raise forms.ValidationError(errors)
        return data


class ContributionCorrectionForm(forms.ModelForm):
    class Meta:
        model = Contribution
        fields = ["activities", "results", "difficulties", "proposals", "reason"]
        widgets = dict.fromkeys(("activities", "results", "difficulties", "proposals", "reason"), TEXTAREA)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = True


class ProvincialReportForm(forms.ModelForm):
    correcting = False

    class Meta:
        model = ProvincialReport
        fields = [
            "plan",
            "kind",
            "year",
            "number",
            "signed_on",
            "place",
            "signatory_role",
            "signatory_name",
            "recipients",
            "assessment",
            "proposals",
            "summary_en",
            "summary_km",
        ]
        widgets = {
            "signed_on": forms.DateInput(attrs={"type": "date"}),
            **dict.fromkeys(("recipients", "assessment", "proposals", "summary_en", "summary_km"), TEXTAREA),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "plan" in self.fields:
            default = Locale.get_default()
            self.fields["plan"].queryset = Plan.objects.filter(locale=default).select_related("province")

    def clean(self):
        data = super().clean()
        plan, kind, year = (
            data.get("plan") or getattr(self.instance, "plan", None),
            data.get("kind"),
            data.get("year"),
        )
        if not (plan and kind and year):
            return data
        errors = {}
        _check_year(plan, year, errors)
        if kind != ReportKind.ANNUAL and not plan.review_points.filter(kind=kind, year=year).exists():
            points = ", ".join(str(p.year) for p in plan.review_points.filter(kind=kind)) or "—"
            errors["kind"] = _("The plan has no %(kind)s for %(year)s (its years: %(years)s).") % {
                "kind": ReportKind(kind).label.lower(),
                "year": year,
                "years": points,
            }
        signed_on = data.get("signed_on")
        if signed_on and year and signed_on.year < year:
            errors["signed_on"] = _("A report on %(year)s cannot be dated before that year.") % {"year": year}
        if not self.correcting:
            earlier = ProvincialReport.objects.filter(plan=plan, kind=kind, year=year).first()
            if earlier is not None:
                errors["year"] = _(
                    "This report was already submitted on %(date)s. Correct it instead: the correction is "
                    "kept as a new revision with its reason."
                ) % {"date": timezone.localtime(earlier.submitted_at).strftime("%d/%m/%Y")}
        if errors:
            raise forms.ValidationError(errors)
        return data


class ProvincialReportCorrectionForm(ProvincialReportForm):
    correcting = True

    class Meta(ProvincialReportForm.Meta):
        fields = [
            name for name in ProvincialReportForm.Meta.fields if name not in ("plan", "kind", "year")
        ] + ["reason"]
        widgets = {**ProvincialReportForm.Meta.widgets, "reason": TEXTAREA}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = True

    def clean(self):
        self.cleaned_data.update(plan=self.instance.plan, kind=self.instance.kind, year=self.instance.year)
        return super().clean()


class QuizForm(forms.Form):
    """One field per question (radio buttons), the personal fields the quiz asks for, consent."""

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        for number, block in enumerate(page.questions, start=1):
            if block.block_type != "question":
                continue
            value = block.value
            self.fields[f"q{number}"] = forms.TypedChoiceField(
                label=value["question"],
                choices=[(str(index), text) for index, text in enumerate(value["choices"], start=1)],
                widget=forms.RadioSelect,
                coerce=int,
                error_messages={"required": _("Choose an answer to this question.")},
            )
        if page.ask_name:
            self.fields["name"] = forms.CharField(label=_("Your name"), max_length=255)
        if page.ask_contact:
            self.fields["contact"] = forms.CharField(
                label=_("Phone number or e-mail address"), max_length=255
            )
        if page.ask_commune:
            self.fields["commune"] = forms.CharField(label=_("Commune or ward"), max_length=255)
        self.fields["consent"] = forms.BooleanField(
            label=_("I agree that my answers are recorded for the purpose stated above."),
            error_messages={"required": _("Tick the box to agree, or your answers cannot be recorded.")},
        )

    def question_fields(self):
        return [self[name] for name in self.fields if name.startswith("q")]

    def personal_fields(self):
        return [self[name] for name in ("name", "contact", "commune") if name in self.fields]


def organisations_for_contribution(user, roles):
    """Organisations (default language) that ``user`` submits contributions for."""
    rows = Organisation.objects.filter(locale=Locale.get_default())
    if roles.sees_everything:
        return rows
    return rows.filter(translation_key__in=roles.organisation_keys)
