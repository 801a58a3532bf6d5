from django.shortcuts import get_object_or_404
from django.urls import path

from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail_localize.views import convert as localize_convert
from wagtail_localize.views.update_translations import UpdateTranslationsView

from home import visibility
from translations import workflow as translator_workflow

from . import accounts, media
from .admin_views import NewsroomPageViewSet, PagesAdminAPIViewSet, bulk_actions
from .permissions import NewsroomPagePermissionPolicy, visible_to

# What each person may see in the admin (newsroom.permissions): Wagtail's page views, listings,
# search, admin API and reports all ask the page permission policy registered for Page.
register_permission_policy(Page, NewsroomPagePermissionPolicy())


def submit_page_translation(request, page_id):
    """wagtail-localize's "Translate this page", which checks only its own global permission: here
    the rule of :mod:`translations.workflow` decides (an editor, their organisation's pages; a
    translator, published pages into their own languages); a page the person may not see answers
    404 and anyone else gets a refusal saying why. These wrappers are registered before
    wagtail-localize's own URLs (the hook's order, whatever order the apps' hooks are imported
    in), at the same addresses, so every link reaches them."""
    page = get_object_or_404(Page, pk=page_id).specific
    return translator_workflow.submit_page_translation(request, page)


def submit_snippet_translation(request, app_label, model_name, pk):
    """The same for a snippet (an exhibition item)."""
    return translator_workflow.submit_snippet_translation(request, app_label, model_name, pk)


def update_translations(request, translation_source_id):
    """wagtail-localize's "Sync translated pages": only for people who may edit the original, and
    "Publish immediately" only for people who may publish every translation."""
    view = UpdateTranslationsView.as_view()
    return translator_workflow.update_translations(request, translation_source_id, view)


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", which publishes: only for people who may publish."""
    return translator_workflow.convert_to_alias(request, page_id, localize_convert.convert_to_alias)


@hooks.register("register_admin_urls", order=-1)
def newsroom_urls():
    return [
        path("two-factor/setup/", accounts.setup, name="newsroom_2fa_setup"),
        path("two-factor/verify/", accounts.verify, name="newsroom_2fa_verify"),
        path(
            "localize/submit/page/<int:page_id>/", submit_page_translation, name="newsroom_submit_translation"
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            submit_snippet_translation,
            name="newsroom_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            update_translations,
            name="newsroom_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias,
            name="newsroom_convert_to_alias",
        ),
    ]


@hooks.register("register_admin_viewset")
def page_views():
    """Every page type's admin views, each refusing with 404 a page the person may not see in every
    state (registered after Wagtail's base page viewset, which it replaces)."""
    return NewsroomPageViewSet()


@hooks.register("construct_page_chooser_queryset")
def chooser_pages(pages, request):
    """The page chooser offers other organisations' published pages, not their drafts."""
    return visible_to(request.user, pages)


@hooks.register("construct_image_chooser_queryset")
def chooser_images(images, request):
    """A photograph withheld for consent is offered (with the chooser's warning) only to people who
    may see it (``media.may_see_unpublished``): not to another organisation's editor."""
    withheld = visibility.withheld_image_ids()
    if not withheld:
        return images
    hidden = [
        image.pk
        for image in get_image_model().objects.filter(pk__in=withheld)
        if not media.may_see_unpublished(request.user, image)
    ]
    return images.exclude(pk__in=hidden) if hidden else images


@hooks.register("construct_admin_api")
def admin_api(router):
    """The admin API's pages endpoint shows other organisations' pages as published."""
    router.register_endpoint("pages", PagesAdminAPIViewSet)


for _action in bulk_actions():
    hooks.register("register_bulk_action", _action, order=1)
