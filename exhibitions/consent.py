"""Telling editors about consent that is running out or has run out.

Withdrawal itself needs nobody: :meth:`ItemQuerySet.shown` compares consent dates with today, so
an item leaves exhibition pages, IIIF and search on the day its consent ends. This module finds
the items editors must act on, for the admin dashboard and for ``manage.py check_item_consent``
(run daily), which e-mails the people responsible once per consent date and records it in the
item's history.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from .models import ExhibitionItem

WARNING_DAYS = 30
EXPIRED_ACTION = "exhibitions.consent_expired"
EXPIRING_ACTION = "exhibitions.consent_expiring"


def _needing_consent():
    return ExhibitionItem.objects.filter(
        Q(identifiable_people=True) | Q(child_present=True), live=True, consent_held=True
    ).exclude(consent_until__isnull=True)


def expired(today=None):
    """Published items withdrawn because their consent has ended (one row per item, default language)."""
    today = today or timezone.localdate()
    return _one_per_item(_needing_consent().filter(consent_until__lt=today))


def expiring(today=None, days=WARNING_DAYS):
    today = today or timezone.localdate()
    return _one_per_item(
        _needing_consent().filter(consent_until__gte=today, consent_until__lte=today + timedelta(days=days))
    )


def _one_per_item(queryset):
    rows = {}
    for item in queryset.select_related("locale").order_by("consent_until", "pk"):
        if item.translation_key not in rows or item.locale.language_code == settings.LANGUAGE_CODE:
            rows[item.translation_key] = item
    return list(rows.values())


def recipients(item):
    """Active people who may change exhibition items, plus whoever last edited this one."""
    permission = Permission.objects.get(
        codename="change_exhibitionitem", content_type__app_label="exhibitions"
    )
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__permissions=permission) | Q(user_permissions=permission))
    )
    latest = item.latest_revision
    if latest and latest.user_id:
        users = users | get_user_model().objects.filter(pk=latest.user_id, is_active=True)
    return [user for user in users.distinct().select_related("wagtail_userprofile") if user.email]


def _language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile.get_preferred_language() if profile else None) or settings.LANGUAGE_CODE


def edit_url(item):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_exhibitions_exhibitionitem:edit", args=[item.pk]
    )


def _notify(item, action, subject, body):
    sent = 0
    for user in recipients(item):
        with translation.override(_language(user)):
            send_mail(
                str(subject()),
                str(body()),
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
        sent += 1
    log(instance=item, action=action, data={"consent_until": item.consent_until.isoformat()})
    return sent


def _facts(item):
    return {
        "title": item.title,
        "date": item.consent_until.strftime("%d/%m/%Y"),
        "url": edit_url(item),
    }


def _expired_subject(item):
    return _("Consent ended: “%(title)s” is no longer shown") % {"title": item.title}


def _expired_body(item):
    return _(
        "Consent for the people in “%(title)s” ended on %(date)s. The item has been withdrawn "
        "from exhibitions, IIIF and search. Renew the consent, or leave it withdrawn: %(url)s"
    ) % _facts(item)


def _expiring_subject(item):
    return _("Consent ends soon: “%(title)s”") % {"title": item.title}


def _expiring_body(item):
    return _(
        "Consent for the people in “%(title)s” ends on %(date)s; the item will then be withdrawn "
        "from public view automatically. Renew the consent to keep showing it: %(url)s"
    ) % _facts(item)


def notify(today=None):
    """Send each notice once per consent date. Returns ``(expired items, expiring items, e-mails)``."""
    today = today or timezone.localdate()
    mails, done_expired, done_expiring = 0, [], []
    notices = (
        (
            expired(today),
            "consent_expiry_sent_for",
            EXPIRED_ACTION,
            _expired_subject,
            _expired_body,
            done_expired,
        ),
        (
            expiring(today),
            "consent_warning_sent_for",
            EXPIRING_ACTION,
            _expiring_subject,
            _expiring_body,
            done_expiring,
        ),
    )
    for items, sent_for, action, subject, body, done in notices:
        for item in items:
            if getattr(item, sent_for) == item.consent_until:
                continue  # already told for this consent date
            mails += _notify(item, action, lambda i=item, s=subject: s(i), lambda i=item, b=body: b(i))
            ExhibitionItem.objects.filter(translation_key=item.translation_key).update(
                **{sent_for: item.consent_until}
            )
            done.append(item)
    return done_expired, done_expiring, mails
