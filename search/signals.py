"""Publishing, unpublishing, moving, deleting or restricting anything updates the search index at
once, for that object only (never a full rebuild)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

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


@receiver(post_page_move)
def page_was_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    page = Page.objects.get(pk=instance.pk).specific
    old = SearchDocument.objects.filter(object_id=page.pk, kind=sources.kind_of(type(page)) or "-").first()
    new_url = page.get_url_parts()
    if old and new_url:
        indexing.rewrite_urls(old.url, new_url[2])
    else:
        for descendant in page.get_descendants(inclusive=True).live().specific().iterator():
            if _indexed(descendant):
                indexing.schedule_update(descendant)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    """A page made private leaves the index with everything below it; made public again, returns."""
    pages = Page.objects.descendant_of(instance.page, inclusive=True)
    private = not Page.objects.filter(pk=instance.page_id).public().exists()
    if private:
        SearchDocument.objects.filter(object_id__in=pages.values("pk")).exclude(kind="item").delete()
    else:
        for page in pages.live().specific().iterator():
            if _indexed(page):
                indexing.schedule_update(page)


def _exhibition_items_changed(exhibition):
    """Items take their address from the exhibitions that show them."""
    from exhibitions.models import ExhibitionItem

    for item in ExhibitionItem.objects.filter(translation_key__in=exhibition.item_keys()):
        indexing.schedule_update(item)


@receiver(published)
def snippet_was_published(sender, instance, **kwargs):
    if _indexed(instance) and not isinstance(instance, Page):
        indexing.schedule_update(instance)


@receiver(unpublished)
def snippet_was_unpublished(sender, instance, **kwargs):
    if _indexed(instance) and not isinstance(instance, Page):
        indexing.schedule_remove(instance)
