from django.shortcuts import get_object_or_404
from django.urls import path

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.models import Page
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from . import accounts


def submit_page_translation(request, page_id):
    """wagtail-localize's "Translate this page", which checks only its own global permission: here
    the person must also be allowed to edit the page (an editor, only their organisation's).
    Registered before wagtail-localize's own URL, at the same address, so every link reaches it."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        return permission_denied(request)
    return SubmitPageTranslationView.as_view()(request, page_id=page_id)


@hooks.register("register_admin_urls")
def newsroom_urls():
    return [
        path("two-factor/setup/", accounts.setup, name="newsroom_2fa_setup"),
        path("two-factor/verify/", accounts.verify, name="newsroom_2fa_verify"),
        path(
            "localize/submit/page/<int:page_id>/", submit_page_translation, name="newsroom_submit_translation"
        ),
    ]
