"""Publishing, unpublishing, moving, deleting or restricting anything updates the search index at
once, for that object only (never a full rebuild)."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from home import visibility
from home.index_signals import documents_changed

from . import indexing, sources
from .models import SearchDocument


def _indexed(instance):
    return sources.kind_of(type(instance)) is not None


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    if not _indexed(instance):
        return
    old = SearchDocument.objects.filter(object_id=instance.pk, kind=sources.kind_of(type(instance))).first()
    indexing.schedule_update(instance)
    new_url = instance.get_url_parts()
    if old and new_url and old.url != new_url[2]:
        indexing.rewrite_urls(old.url, new_url[2])
    if sources.kind_of(type(instance)) == "exhibition":
        _exhibition_items_changed(instance)


@receiver(documents_changed)
def documents_were_changed(sender, instances, **kwargs):
    """Content said these objects' documents are stale (``home/index_signals.py``)."""
    for instance in instances:
        if _indexed(instance):
            indexing.schedule_update(instance)


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs):
    if _indexed(instance):
        indexing.schedule_remove(instance)
        if sources.kind_of(type(instance)) == "exhibition":
            _exhibition_items_changed(instance)


@receiver(post_delete)
def object_was_deleted(sender, instance, **kwargs):
    if _indexed(instance):
        indexing.schedule_remove(instance)


def reindex_subtree(page):
    """Everything at or below ``page`` asks the visibility rule again: pages, and the items of
    the exhibitions among them (an item takes its visibility and address from its exhibitions).
    Called when something above them changed: a view restriction, a move."""
    subtree = Page.objects.descendant_of(page, inclusive=True)
    SearchDocument.objects.filter(object_id__in=subtree.filter(live=False).values("pk")).exclude(
        kind=sources.ITEM_KIND
    ).delete()
    for descendant in subtree.live().specific().iterator():
        if _indexed(descendant):
            indexing.schedule_update(descendant)
            if sources.kind_of(type(descendant)) == "exhibition":
                _exhibition_items_changed(descendant)


@receiver(post_page_move)
def page_was_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    """A public page moved to another public place keeps its documents, under the new address;
    otherwise (it left or entered a private section, or was not indexed) its subtree is asked
    again."""
    page = Page.objects.get(pk=instance.pk).specific
    old = SearchDocument.objects.filter(object_id=page.pk, kind=sources.kind_of(type(page)) or "-").first()
    new_url = page.get_url_parts()
    if old and new_url and visibility.page_is_public(page):
        indexing.rewrite_urls(old.url, new_url[2])
    else:
        reindex_subtree(page)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    """A page made private leaves the index with everything below it, exhibition items included;
    made public again, returns."""
    reindex_subtree(instance.page)


def _exhibition_items_changed(exhibition):
    """Items take their visibility and address from the exhibitions that show them: the items it
    shows now, and those indexed under its address (which it may no longer show)."""
    from exhibitions.models import ExhibitionItem

    listed = SearchDocument.objects.filter(kind=sources.ITEM_KIND, url__startswith=exhibition.url or "-")
    items = ExhibitionItem.objects.filter(
        Q(translation_key__in=exhibition.item_keys()) | Q(pk__in=listed.values("object_id"))
    )
    for item in items:
        indexing.schedule_update(item)


@receiver(published)
def snippet_was_published(sender, instance, **kwargs):
    if _indexed(instance) and not isinstance(instance, Page):
        indexing.schedule_update(instance)


@receiver(unpublished)
def snippet_was_unpublished(sender, instance, **kwargs):
    if _indexed(instance) and not isinstance(instance, Page):
        indexing.schedule_remove(instance)
