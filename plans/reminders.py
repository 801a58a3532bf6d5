"""E-mail before each reporting deadline, and quiz results to organisers, each notice once.

``manage.py send_plan_reminders`` (run daily by the scheduler) finds, for every plan, the deadlines
(annual report, interim and final reviews) that fall the plan's reminder days from today, and
e-mails the editors of every agency that has not yet submitted its contribution for that year, in
each person's preferred admin language (as the consent notices do). A quiz that has closed sends
its results to its organiser's editors. A :class:`~plans.models.Notice` records what was sent.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.models import Locale

from newsroom import roles

from .models import Contribution, Notice, Plan, QuizPage, QuizResponse, ReportKind


def _language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile.get_preferred_language() if profile else None) or settings.LANGUAGE_CODE


def agency_editors(organisation):
    """Active people in the organisation's editors' group (newsroom.roles), with an e-mail address."""
    users = get_user_model().objects.filter(
        is_active=True, groups__team__organisation_key=organisation.translation_key
    )
    return [user for user in users.distinct().select_related("wagtail_userprofile") if user.email]


def coordinators():
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name__in=[roles.ADMINISTRATORS, roles.REVIEWERS]))
    )
    return [user for user in users.distinct().select_related("wagtail_userprofile") if user.email]


def _admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def _send(users, subject, body):
    for user in users:
        with translation.override(_language(user)):
            send_mail(str(subject()), str(body()), settings.DEFAULT_FROM_EMAIL, [user.email])
    return len(users)


def due_reminders(today):
    """``[(plan, kind, year, due_on, days_before)]`` of the deadlines to remind of today."""
    rows = []
    for plan in Plan.objects.filter(locale=Locale.get_default()).prefetch_related("review_points"):
        for kind, year, due_on in plan.deadlines():
            days = (due_on - today).days
            if days in plan.reminders:
                rows.append((plan, kind, year, due_on, days))
    return rows


def send_deadline_reminders(today=None):
    today = today or timezone.localdate()
    sent = 0
    for plan, kind, year, due_on, days in due_reminders(today):
        submitted = set(Contribution.objects.filter(plan=plan, year=year).values_list("agency_id", flat=True))
        for agency in plan.agencies.filter(submits_contribution=True).select_related("organisation"):
            organisation = agency.organisation
            if organisation.pk in submitted:
                continue
            key = f"deadline:{plan.pk}:{kind}:{year}:{organisation.pk}:{days}"
            if Notice.objects.filter(key=key).exists():
                continue
            facts = {
                "agency": organisation.name,
                "plan": plan.number or plan.title,
                "report": ReportKind(kind).label,
                "year": year,
                "date": due_on.strftime("%d/%m/%Y"),
                "days": days,
                "url": _admin_url("plans_contributions"),
            }
            count = _send(
                agency_editors(organisation),
                lambda f=facts: _("Reminder: %(agency)s's contribution for %(year)s is due on %(date)s") % f,
                lambda f=facts: (
                    _(
                        "The %(report)s %(year)s under plan %(plan)s is due on %(date)s (in %(days)s days), "
                        "and %(agency)s has not yet submitted its contribution. Submit it in the portal: "
                        "%(url)s"
                    )
                    % f
                ),
            )
            Notice.objects.create(key=key, recipients=count)
            sent += count
    return sent


def send_quiz_results(today=None):
    """Once a quiz has closed, its organiser's editors (or the coordinators) get the results."""
    today = today or timezone.localdate()
    sent = 0
    quizzes = QuizPage.objects.filter(locale=Locale.get_default(), closes_on__lt=today).select_related(
        "organiser"
    )
    for quiz in quizzes:
        key = f"quiz-results:{quiz.translation_key}"
        if Notice.objects.filter(key=key).exists():
            continue
        responses = QuizResponse.objects.filter(quiz_key=quiz.translation_key)
        total = responses.count()
        full = responses.filter(score=F("out_of")).count()
        facts = {
            "title": quiz.title,
            "total": total,
            "full": full,
            "url": _admin_url("plans_quiz_results", quiz.pk),
        }
        users = agency_editors(quiz.organiser) if quiz.organiser_id else []
        count = _send(
            users or coordinators(),
            lambda f=facts: _("Results of the quiz “%(title)s”") % f,
            lambda f=facts: (
                _(
                    "The quiz “%(title)s” has closed with %(total)s sets of answers, %(full)s of them all "
                    "correct. See the answers and download them: %(url)s"
                )
                % f
            ),
        )
        Notice.objects.create(key=key, recipients=count)
        sent += count
    return sent
