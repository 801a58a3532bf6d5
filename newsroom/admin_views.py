"""The admin's views, each deriving what it shows from the one rule in :mod:`newsroom.permissions`.

* :class:`NewsroomPageViewSet` serves every per-page view (edit, previews, history, workflow
  history, revisions and their comparison, usage, delete, move, copy, lock, privacy, workflow
  actions): a page the person may not see in every state answers 404, exactly like a page that
  does not exist; views that work under a page (its children, adding a child, moving to it) need
  only that the person may see it. Its listings (the explorer, page search, pages of a type) and
  the admin API (:class:`PagesAdminAPIViewSet`) read Wagtail's page permission policy, which is
  ours (``NewsroomPagePermissionPolicy``), and show other organisations' pages as published.
* :class:`OrganisationSnippetViewSet` does the same for snippets owned by an organisation
  (exhibition items): its listing shows what the person sees in every state, each per-item view
  (edit, delete, history, usage, revisions, comparison, copy, unpublish...) answers 404 for the
  rest, and its chooser offers, besides, what other organisations have published.
* The page chooser (browse, search, chosen) shows other organisations' published pages as
  published and nothing of their drafts; Wagtail defines its views directly in its URL
  configuration, so ours are registered first at the same addresses (``newsroom/admin_urls.py``).
* Reports: "Site history" shows only the log entries of what the person sees in every state;
  "Page types usage" names, as the last edited page of each type, one they see in every state.
  Same addresses as Wagtail's, as above.
* Bulk actions on pages and exhibition items ignore what the person may not see in every state, as
  if it did not exist.
* Creating a page (:class:`CreateView`) is serialised per parent page, and a slug taken meanwhile is
  a form error: Wagtail checks the slug when it validates the form and again when it saves, and a
  page created between the two (the editor's own autosave, still in flight when they press
  "Submit for review"; a colleague) answered 500.
"""

import functools

from django.contrib.admin.utils import unquote
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.db.models import Case, F, QuerySet, Value, When
from django.http import Http404
from django.utils.functional import cached_property, classproperty
from django.utils.translation import gettext

from wagtail.admin.api import views as admin_api
from wagtail.admin.ui.components import MediaContainer
from wagtail.admin.views import chooser
from wagtail.admin.views.pages import create, listing, search, usage
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction as PageDeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction as PageMoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction as PagePublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction as PageUnpublishBulkAction
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as SnippetDeleteBulkAction
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views

from translations.breadcrumbs import SnippetViewSet  # breadcrumbs in the admin language
from translations.workflow_texts import PageViewSetMixin as ReviewDialogTexts

from .permissions import (
    as_published,
    hide_log_entries,
    may_see,
    sees_drafts,
    visible_to,
    with_drafts_visible,
)

#: URL keyword arguments of the admin's page URLs that name the page a view is about (seen in
#: every state) or a page it works under (a parent or a destination: seen as published will do).
PAGE_KWARGS = {
    "page_id": sees_drafts,
    "pk": sees_drafts,
    "page_to_move_id": sees_drafts,
    "parent_page_id": may_see,
    "destination_id": may_see,
}


def _refused(user, page_id, rule):
    """True when ``page_id`` names a page (not the root) that ``rule`` refuses ``user``."""
    try:
        page = Page.objects.filter(pk=int(page_id)).first()
    except (TypeError, ValueError):
        return False
    return page is not None and not page.is_root() and not rule(user, page)


def _guard_pages(view):
    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        for key, rule in PAGE_KWARGS.items():
            if key in kwargs and _refused(request.user, kwargs[key], rule):
                raise Http404
        return view(request, *args, **kwargs)

    return guarded


class AsPublishedMixin:
    """Page listings: other organisations' pages as they were published (title, status, date)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        as_published(self.request.user, context["object_list"])
        return context


class ExplorableIndexView(AsPublishedMixin, listing.ExplorableIndexView):
    def get_side_panels(self):
        if not sees_drafts(self.request.user, self.parent_page):
            return MediaContainer()  # Wagtail's shows the latest draft's status
        return super().get_side_panels()


class SearchView(AsPublishedMixin, search.SearchView):
    pass


class ContentTypeUseView(AsPublishedMixin, usage.ContentTypeUseView):
    pass


class CreateView(create.CreateView):
    """Wagtail's page creation, each save (publish, submit, save draft, autosave) in one transaction
    that holds the parent page's row (PostgreSQL; SQLite has one writer at a time anyway), so two
    children of one parent are created one after the other; the slug is checked again under that
    lock, and a slug taken meanwhile, found there or by Wagtail's own check when it saves, is an
    error on the form, which keeps what the editor wrote."""

    def form_valid(self, form):
        slug = form.cleaned_data.get("slug")
        try:
            with transaction.atomic():
                Page.objects.select_for_update().filter(pk=self.parent_page.pk).exists()
                if not slug or Page._slug_is_available(slug, self.parent_page, form.instance):
                    return super().form_valid(form)
            form.add_error("slug", _slug_taken(slug))  # nothing was written: the lock is let go
        except ValidationError as error:
            for field, messages in _error_items(error):
                form.add_error(field if field in form.fields else None, messages)
        return self.form_invalid(form)


#: Wagtail's own message for a slug in use (its form's), translated with Wagtail's strings
#: (``translations/upstream_locale``); not a string of ours to extract.
SLUG_TAKEN = "The slug '%(page_slug)s' is already in use within the parent page."


def _slug_taken(slug):
    return gettext(SLUG_TAKEN) % {"page_slug": slug}


def _error_items(error):
    if hasattr(error, "error_dict"):
        return list(error.error_dict.items())
    return [(None, error.error_list)]


class NewsroomPageViewSet(ReviewDialogTexts, PageViewSet):
    """Wagtail's views for every page type (``model = Page``), each behind :func:`_guard_pages`,
    the listings showing other organisations' pages as published.

    Registered after Wagtail's base page viewset, so it replaces it for all page types."""

    add_view_class = CreateView
    index_view_class = ExplorableIndexView
    search_view_class = SearchView
    content_type_use_view_class = ContentTypeUseView

    @cached_property
    def views(self):
        return {name: _guard_pages(view) for name, view in super().views.items()}


def _guard_instances(view, model, rule):
    """``view`` (a per-object snippet view, its object in the ``pk`` argument) answers 404 for an
    object ``rule(user, object)`` refuses, as for one that does not exist."""

    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if "pk" in kwargs:
            try:
                instance = model._default_manager.filter(pk=unquote(str(kwargs["pk"]))).first()
            except (TypeError, ValueError, ValidationError):
                instance = None
            if instance is not None and not rule(request.user, instance):
                raise Http404
        return view(request, *args, **kwargs)

    return guarded


def _narrow(user, objects, rule):
    """``objects``, a queryset or search results, narrowed by ``rule`` (:func:`visible_to` or
    :func:`with_drafts_visible`). The search backends filter a search on indexed fields only, and
    the rule needs joins: so a search runs first, and its results are narrowed, keeping their
    order."""
    if isinstance(objects, QuerySet):
        return rule(user, objects)
    ids = [obj.pk for obj in objects]
    if not ids:
        return objects
    narrowed = rule(user, objects.model._default_manager.filter(pk__in=ids))
    return narrowed.order_by(Case(*(When(pk=pk, then=Value(i)) for i, pk in enumerate(ids))))


class SeenObjectsIndexView(snippet_views.IndexView):
    """The listing of organisation-owned snippets: what the person sees in every state."""

    def get_queryset(self):
        return _narrow(self.request.user, super().get_queryset(), with_drafts_visible)


class VisibleObjectsMixin:
    """Snippet chooser views: what the person may see (their own in every state, other
    organisations' published)."""

    def filter_object_list(self, objects):
        return _narrow(self.request.user, super().filter_object_list(objects), visible_to)


class SnippetChooseView(VisibleObjectsMixin, snippet_chooser.ChooseView):
    pass


class SnippetChooseResultsView(VisibleObjectsMixin, snippet_chooser.ChooseResultsView):
    pass


class SnippetChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return visible_to(self.request.user, self.model_class._default_manager.all()).get(pk=pk)


class SnippetChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return visible_to(self.request.user, super().get_objects(pks))


class OrganisationSnippetChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = SnippetChooseView
    choose_results_view_class = SnippetChooseResultsView
    chosen_view_class = SnippetChosenView
    chosen_multiple_view_class = SnippetChosenMultipleView


class OrganisationSnippetViewSet(SnippetViewSet):
    """For snippets whose model names an ``organisation_field`` (see the module's docstring)."""

    index_view_class = SeenObjectsIndexView
    chooser_viewset_class = OrganisationSnippetChooserViewSet

    def on_register(self):
        if not issubclass(self.index_view_class, SeenObjectsIndexView):
            raise ImproperlyConfigured(
                f"{type(self).__name__}.index_view_class must extend SeenObjectsIndexView"
            )
        super().on_register()

    def construct_view(self, view_class, **kwargs):
        return _guard_instances(super().construct_view(view_class, **kwargs), self.model, sees_drafts)


class PagesAdminAPIViewSet(admin_api.PagesAdminAPIViewSet):
    """The admin API's pages endpoint (``/admin/api/main/pages/``): its pages are the explorable
    ones (the policy's), shown as published when they are another organisation's (status, date)."""

    def paginate_queryset(self, queryset):
        return as_published(self.request.user, list(super().paginate_queryset(queryset)))

    def get_object(self):
        return as_published(self.request.user, [super().get_object()])[0]


# The page chooser ---------------------------------------------------------------------------------


class PageTitleColumn(chooser.PageTitleColumn):
    """The chooser's first column with data: before the row's cells render, the page is made to
    look as it was published, when it is another organisation's (its date and status cells follow)."""

    def get_cell_context_data(self, instance, parent_context):
        request = parent_context.get("request")
        if request is not None:
            as_published(request.user, [instance])
        return super().get_cell_context_data(instance, parent_context)


class ParentPageColumn(chooser.ParentPageColumn):
    """The parent as its own page type, so that it too shows the title the person may see."""

    def get_value(self, instance):
        parent = instance.get_parent()
        return parent.specific_deferred if parent is not None else None


def _chooser_columns(columns):
    replaced = []
    for column in columns:
        if isinstance(column, chooser.PageTitleColumn):
            column = PageTitleColumn(
                column.name, label=column.label, is_multiple_choice=column.is_multiple_choice
            )
        elif isinstance(column, chooser.ParentPageColumn):
            column = ParentPageColumn(column.name, label=column.label)
        replaced.append(column)
    return replaced


class PageBrowseView(chooser.BrowseView):
    """Browsing a page the person may not see answers 404 (its row would show its title)."""

    @property
    def columns(self):
        return _chooser_columns(super().columns)

    def get(self, request, parent_page_id=None):
        if parent_page_id is not None:
            parent = Page.objects.filter(pk=parent_page_id).first()
            if parent is not None and not parent.is_root() and not may_see(request.user, parent):
                raise Http404
        return super().get(request, parent_page_id)


class PageChooserSearchView(chooser.SearchView):
    @property
    def columns(self):
        return _chooser_columns(super().columns)


class PageChosenMultipleView(chooser.ChosenMultipleView):
    """Only pages the person may see; the others are left out, like ids of no page."""

    def get(self, request):
        ids = [value for value in request.GET.getlist("id") if value.isdigit()]
        seen = visible_to(request.user, Page.objects.filter(pk__in=ids)).values_list("pk", flat=True)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in seen])
        return super().get(request)


# Reports ------------------------------------------------------------------------------------------


class SiteHistoryView(LogEntriesView):
    """Wagtail's "Site history" shows the log entries of every page the person may explore and of
    every object of a model they have a permission on, and their labels are the titles the objects
    had then, drafts' included: here only those of what the person sees in every state."""

    def filter_queryset(self, queryset):
        return hide_log_entries(self.request.user, super().filter_queryset(queryset))


class PageTypesUsageView(PageTypesUsageReportView):
    """Wagtail's "Page types usage" names the most recently edited page of each type among all
    pages; here, among those the person sees in every state."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        user = self.request.user
        data = self.filters.form.cleaned_data if self.filters is not None else {}
        for item in page_types:
            page = item.last_edited_page
            if page is None or sees_drafts(user, page):
                continue
            candidates = with_drafts_visible(user, Page.objects.filter(content_type_id=item.pk))
            if data.get("page_locale"):
                candidates = candidates.filter(locale__language_code=data["page_locale"])
            if data.get("site"):
                candidates = candidates.filter(path__startswith=data["site"])
            item.last_edited_page = (
                candidates.order_by(F("latest_revision_created_at").desc(nulls_last=True)).specific().first()
            )
        return page_types


# Bulk actions -------------------------------------------------------------------------------------


class SeenObjectsBulkActionMixin:
    """What the person may not see in every state is left out of a bulk action, like an id of
    nothing; when nothing is left, 404 as for ids of nothing."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        objects = [obj for obj in objects if sees_drafts(user, obj)]
        extra["items_with_no_access"] = [
            obj for obj in extra["items_with_no_access"] if sees_drafts(user, obj)
        ]
        if not objects and not extra["items_with_no_access"]:
            raise Http404
        return objects, extra


class OrganisationSnippetDeleteBulkAction(SeenObjectsBulkActionMixin, SnippetDeleteBulkAction):
    @classproperty
    def models(cls):
        return [model for model in get_snippet_models() if getattr(model, "organisation_field", None)]


def bulk_actions():
    """Wagtail's page bulk actions, and the snippet delete action for organisation-owned snippets,
    each with :class:`SeenObjectsBulkActionMixin` (registered after Wagtail's, which they replace)."""
    pages = [
        type(action.__name__, (SeenObjectsBulkActionMixin, action), {"__module__": __name__})
        for action in (
            PageDeleteBulkAction,
            PageMoveBulkAction,
            PagePublishBulkAction,
            PageUnpublishBulkAction,
        )
    ]
    return [*pages, OrganisationSnippetDeleteBulkAction]
