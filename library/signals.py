"""Keep OAI-PMH deleted-record tombstones in step with what the public can see."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from .models import ProductPage, ProductTombstone


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
    _bury(instance)


@receiver(pre_delete, sender=ProductPage)
def product_deleted(sender, instance, **kwargs):
    if instance.live:
        _bury(instance)


@receiver(page_published, sender=ProductPage)
def product_published(sender, instance, **kwargs):
    ProductTombstone.objects.filter(identifier=instance.identifier).delete()
