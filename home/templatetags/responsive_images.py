"""Wagtail's ``picture`` and ``srcset_image`` tags, listing each width once in ``srcset``.

``width-N`` never enlarges: for an original narrower than the largest width asked for, several
renditions have the original's width, and Wagtail lists each of them with the same descriptor
(``… 1200w, … 1200w``), which HTML forbids. Here each actual width is listed once, by the first
rendition that has it. Load this library after ``wagtailimages_tags``:
``{% load wagtailimages_tags responsive_images %}``.
"""

from django import template

from wagtail.images.models import Picture, ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


def width_srcset(renditions):
    """``srcset`` for ``renditions``: a bare URL for one, else one candidate per distinct width."""
    if len(renditions) == 1:
        return renditions[0].url
    by_width = {}
    for rendition in renditions:
        by_width.setdefault(rendition.width, rendition)
    return ", ".join(f"{rendition.url} {width}w" for width, rendition in by_width.items())


class UniqueWidthsImage(ResponsiveImage):
    @classmethod
    def get_width_srcset(cls, renditions_list):
        return width_srcset(renditions_list)


class UniqueWidthsPicture(Picture):
    @classmethod
    def get_width_srcset(cls, renditions_list):
        return width_srcset(renditions_list)


class _UniqueWidthsNode(wagtailimages_tags.SrcsetImageNode):
    wrapper = UniqueWidthsImage

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = get_renditions_or_not_found(image, self.get_filters())
        if self.output_var_name:
            context[self.output_var_name] = self.wrapper(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return self.wrapper(renditions, attrs).__html__()


class SrcsetImageNode(_UniqueWidthsNode):
    wrapper = UniqueWidthsImage


class PictureNode(_UniqueWidthsNode):
    wrapper = UniqueWidthsPicture


def _tag(node_class):
    def parse(parser, token):
        node = wagtailimages_tags.image(parser, token)  # Wagtail's own parsing and error messages
        return node_class(
            node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
        )

    return parse


register.tag("srcset_image", _tag(SrcsetImageNode))
register.tag("picture", _tag(PictureNode))
