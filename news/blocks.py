"""Article body: the shared body blocks plus a gallery and self-hosted audio/video."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import BodyBlock, FigureBlock, MediaFileBlock
from translations.blocks import PageChooserBlock


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    images = blocks.ListBlock(FigureBlock(), label=_("Images"), min_num=2)

    class Meta:
        icon = "image"
        template = "blocks/gallery.html"
        label = _("Gallery")
        description = _("Two or more images with captions, shown as a grid.")


class ProductLinkValue(blocks.StructValue):
    def product(self):
        page = self.get("page")
        return page.specific if page else None


class ProductLinkBlock(blocks.StructBlock):
    """A card linking to a product in the shared library."""

    # The chooser names the product type in each person's admin language (translations/blocks.py).
    page = PageChooserBlock(label=_("Library product"), page_type="library.ProductPage")
    note = blocks.CharBlock(label=_("Why it is relevant"), max_length=300, required=False)

    class Meta:
        icon = "link"
        template = "blocks/product_link.html"
        label = _("Library product")
        description = _("Points readers to a communication product in the shared library.")
        value_class = ProductLinkValue


class ArticleBodyBlock(BodyBlock):
    gallery = GalleryBlock()
    media_file = MediaFileBlock()
    product = ProductLinkBlock()
