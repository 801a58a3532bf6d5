"""Keep OAI-PMH tombstones and the facet index in step with what the public can see."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import visibility

from . import attachment_text, facets
from .models import ProductFacet, ProductPage, ProductTombstone


def _bury(product):
    others = ProductPage.objects.filter(identifier=product.identifier).exclude(pk=product.pk)
    if visibility.public_pages(others).exists():
        return  # another language version is still public
    ProductTombstone.objects.update_or_create(
        identifier=product.identifier,
        defaults={
            "conventions": [c.code for c in product.conventions.all()],
            "provinces": [t.province.slug for t in product.province_tags.select_related("province")],
        },
    )


@receiver(page_unpublished, sender=ProductPage)
def product_unpublished(sender, instance, **kwargs):
    ProductFacet.objects.filter(product_id=instance.pk).delete()
    _bury(instance)


@receiver(pre_delete, sender=ProductPage)
def product_deleted(sender, instance, **kwargs):
    if instance.live:
        _bury(instance)


@receiver(page_published, sender=ProductPage)
def product_published(sender, instance, **kwargs):
    facets.index_products([instance.pk])
    ProductTombstone.objects.filter(identifier=instance.identifier).delete()


def _subtree_changed(page):
    """Products at or below ``page`` ask the visibility rule again: those no longer public leave
    the facet index and are reported deleted to harvesters; those public again come back."""
    products = ProductPage.objects.descendant_of(page, inclusive=True)
    facets.index_products(products.values_list("pk", flat=True))
    public = set(visibility.public_pages(products).values_list("pk", flat=True))
    for product in products.filter(live=True).iterator():
        if product.pk in public:
            ProductTombstone.objects.filter(identifier=product.identifier).delete()
        else:
            _bury(product)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    _subtree_changed(instance.page)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    _subtree_changed(Page.objects.get(pk=instance.pk))


# The text of attached documents, for the search (library/attachment_text.py).
post_save.connect(
    attachment_text.document_saved, sender=get_document_model(), dispatch_uid="library_attachment_text"
)
post_delete.connect(
    attachment_text.document_deleted,
    sender=get_document_model(),
    dispatch_uid="library_attachment_text_deleted",
)
page_published.connect(
    attachment_text.product_published, sender=ProductPage, dispatch_uid="library_attachment_text_published"
)
