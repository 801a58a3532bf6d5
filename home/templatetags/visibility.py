"""Templates ask ``home.visibility`` before showing an image:
``{% with image=value.image|public_image %}``."""

from django import template

from .. import visibility

register = template.Library()


@register.filter
def public_image(image):
    """The image, or ``None`` when it is withheld from the public (then nothing is shown)."""
    return visibility.public_image(image)


@register.filter
def is_withheld(image):
    """For the admin: a photograph the public may not see (editors are warned in the chooser)."""
    return image is not None and not visibility.image_is_public(image)
