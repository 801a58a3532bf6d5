"""Workaround for wagtail/wagtail#1354 (open): an image upload is checked by its header only.

Wagtail's ``WagtailImageField`` opens the upload with Willow, which reads the header; a file cut
short (an interrupted transfer on a slow link, a damaged memory card) or with broken image data
passes, and then fails with ``OSError`` when Wagtail reads or renders it: the upload answers 500
and, if saved, every page showing it does too. Before accepting a new image, the form decodes it
whole with Pillow (the field has already refused images over ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``, so
this is bounded) and refuses a file that does not decode with one short message. Wagtail's field
itself raises ``OSError`` on some such files while it measures them: :class:`DecodedImageField`
answers those with the same message. ``newsroom.uploads.ImageForm`` (every image form's base, single
and multiple upload) gives its file field this class.

Delete this module, and its use in ``newsroom.uploads.ImageForm``, when
``tests/newsroom/test_uploads_refusals.py::test_wagtail_1354_is_still_open`` fails.
"""

from PIL import Image, UnidentifiedImageError

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField

DAMAGED = _(
    "This image file is damaged or incomplete. Save it again from your photo program, then upload it."
)


def check_image_decodes(uploaded):
    """Raise a form error unless ``uploaded`` (a raster image; SVG is left to Wagtail) decodes whole."""
    if (getattr(uploaded, "content_type", "") or "").startswith("image/svg"):
        return
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    try:
        uploaded.seek(0)
        with Image.open(uploaded) as image:
            image.load()
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError, Image.DecompressionBombError):
        raise forms.ValidationError(DAMAGED, code="damaged_image") from None
    finally:
        uploaded.seek(position)


class DecodedImageField(WagtailImageField):
    """Wagtail's image field, refusing what does not decode whole (see above)."""

    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            raise forms.ValidationError(DAMAGED, code="damaged_image") from None
        if uploaded is not None:
            check_image_decodes(uploaded)
        return uploaded

    @classmethod
    def replacing(cls, field):
        """This field in place of Wagtail's ``field``, with its label, widget and help."""
        return cls(label=field.label, required=field.required, widget=field.widget, help_text=field.help_text)
