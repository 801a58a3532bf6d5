"""Settings → Users with invitations (Wagtail's documented customisation: a ``UserViewSet`` subclass
named by the users app's config, :class:`newsroom.apps.WagtailUsersConfig`).

* **Add user** asks for no password: the account gets an unusable one and its owner an invitation
  e-mail in the language chosen here (their admin language, Vietnamese by default).
* **Send invitation** (in each user's menu and on their edit page) sends a new link, which cancels
  the account's password and earlier links, and can also remove a lost phone's authenticator.
"""

import logging
import smtplib

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.localization import get_available_admin_languages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.permissions import policy_registry
from wagtail.users.forms import UserCreationForm
from wagtail.users.models import UserProfile
from wagtail.users.views import users

from . import invitations

logger = logging.getLogger(__name__)
User = get_user_model()
MAIL_ERRORS = (smtplib.SMTPException, OSError)


class InvitedUserCreationForm(UserCreationForm):
    """Wagtail's user creation form without password fields, and with the person's language."""

    password_enabled = False

    language = forms.ChoiceField(
        label=_("Language"),
        help_text=_("The language of the invitation e-mail and of the admin for this person."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = get_available_admin_languages()
        self.fields["language"].initial = settings.LANGUAGE_CODE

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
            self.save_m2m()
            self.save_language(user)
        return user

    def save_language(self, user):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = self.cleaned_data["language"]
        profile.save(update_fields=["preferred_language"])


def _send(request, user, *, reissued):
    """Send the invitation and say so; if the mail server refuses, say that instead (the account is
    kept and the invitation can be sent again)."""
    try:
        invitations.send_invitation(user, invited_by=request.user, reissued=reissued)
    except MAIL_ERRORS:
        logger.exception("Invitation e-mail to user %s could not be sent", user.pk)
        messages.error(
            request,
            gettext(
                "The invitation e-mail to %(email)s could not be sent. Check the mail settings, "
                "then send the invitation again."
            )
            % {"email": user.email},
        )
        return False
    messages.success(request, gettext("An invitation was sent to %(email)s.") % {"email": user.email})
    return True


def _may_manage_users(request_user):
    return policy_registry.get_by_type(User).user_has_permission(request_user, "change")


def _may_invite(request_user, user):
    """People who may change users may invite them; only superusers may invite a superuser."""
    return _may_manage_users(request_user) and (request_user.is_superuser or not user.is_superuser)


class CreateView(users.CreateView):
    def save_action(self):
        response = super().save_action()
        _send(self.request, self.object, reissued=False)
        return response


def _invite_button(view, user, cls):
    if _may_invite(view.request.user, user):
        url = reverse(view.invite_url_name, args=[user.pk])
        return cls(_("Send invitation"), url=url, icon_name="mail", priority=40)
    return None


class IndexView(users.IndexView):
    invite_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if button := _invite_button(self, instance, MenuItem):
            buttons.append(button)
        return buttons


class EditView(users.EditView):
    invite_url_name = None

    def get_header_more_buttons(self):
        buttons = list(super().get_header_more_buttons())
        if button := _invite_button(self, self.object, Button):
            buttons.append(button)
        return sorted(buttons)


class SendInvitationForm(forms.Form):
    forget_authenticator = forms.BooleanField(
        label=_("Also remove their authenticator app"),
        help_text=_("For a lost or replaced phone: they set up the app again through the new link."),
        required=False,
    )


class SendInvitationView(WagtailAdminTemplateMixin, FormView):
    """Confirm, then send a new invitation."""

    template_name = "newsroom/invitation_send.html"
    form_class = SendInvitationForm
    header_icon = "mail"
    page_title = _("Send invitation")
    edit_url_name = None
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not _may_manage_users(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(User, pk=kwargs["pk"])
        if not _may_invite(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return get_user_display_name(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": gettext("Users")},
            {"url": reverse(self.edit_url_name, args=[self.object.pk]), "label": self.get_page_subtitle()},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            invitee=self.object,
            has_authenticator=invitations.TOTPDevice.objects.filter(
                user=self.object, confirmed=True
            ).exists(),
            cancel_url=reverse(self.edit_url_name, args=[self.object.pk]),
        )
        return context

    def form_valid(self, form):
        invitations.reissue(self.object, forget_authenticator=form.cleaned_data["forget_authenticator"])
        _send(self.request, self.object, reissued=True)
        return redirect(self.edit_url_name, self.object.pk)


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    create_template_name = "newsroom/user_create.html"
    index_view_class = IndexView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return super().get_form_class(for_update) if for_update else InvitedUserCreationForm

    def get_common_view_kwargs(self, **kwargs):
        # Views are given only the keywords they have attributes for (Wagtail's construct_view).
        return super().get_common_view_kwargs(invite_url_name=self.get_url_name("invite"), **kwargs)

    @property
    def invite_view(self):
        return self.construct_view(SendInvitationView)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"invite/<{self.pk_path_converter}:pk>/", self.invite_view, name="invite"),
        ]
