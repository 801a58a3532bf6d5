from django.utils.translation import gettext_lazy as _

from newsroom.forms import OrganisationItemForm


class ExhibitionItemForm(OrganisationItemForm):
    """Refuses to publish, schedule or submit for approval an item showing a child without consent;
    the item may still be saved as a draft while consent is being sought."""

    def clean(self):
        cleaned = super().clean()
        going_public = any(self.data.get(action) for action in ("action-publish", "action-submit"))
        if going_public and cleaned.get("child_present") and not cleaned.get("consent_held"):
            self.add_error(
                "consent_held",
                _("A child appears in this item: record the consent held before publishing it."),
            )
        return cleaned
