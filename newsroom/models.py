"""An organisation's team: the Django group whose members edit that organisation's content."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationTeam(models.Model):
    """Links an organisation (by its translation key, so every language's copy) to its editors' group.

    Membership is managed in Settings → Users like any group; :mod:`newsroom.roles` keeps the
    group's permissions (its news sections, the library and the exhibitions) in step.
    """

    organisation_key = models.UUIDField(_("organisation"), unique=True)
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="team"
    )

    class Meta:
        verbose_name = _("organisation team")
        verbose_name_plural = _("organisation teams")

    def __str__(self):
        return self.group.name
