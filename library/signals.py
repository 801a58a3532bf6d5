"""Keep OAI-PMH tombstones and the facet index in step with what the public can see."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from . import facets
from .models import ProductFacet, ProductPage, ProductTombstone


def _bury(product):
    if ProductPage.objects.filter(identifier=product.identifier, live=True).exclude(pk=product.pk).exists():
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


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    """Private products leave the facet index; products made public again come back."""
    ids = ProductPage.objects.descendant_of(instance.page, inclusive=True).values_list("pk", flat=True)
    facets.index_products(ids)
