"""Article body: the shared body blocks plus a gallery and self-hosted audio/video."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import BodyBlock, FigureBlock

AUDIO = {"mp3", "m4a", "ogg", "oga", "wav"}
VIDEO = {"mp4", "webm", "ogv"}


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    images = blocks.ListBlock(FigureBlock(), label=_("Images"), min_num=2)

    class Meta:
        icon = "image"
        template = "blocks/gallery.html"
        label = _("Gallery")
        description = _("Two or more images with captions, shown as a grid.")


class MediaFileValue(blocks.StructValue):
    def kind(self):
        extension = self["file"].file_extension.lower() if self.get("file") else ""
        return "video" if extension in VIDEO else "audio"


class MediaFileBlock(blocks.StructBlock):
    """A radio report or video uploaded to the portal itself (no third-party player)."""

    file = DocumentChooserBlock(label=_("Audio or video file"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    def clean(self, value):
        value = super().clean(value)
        document = value.get("file")
        if document and document.file_extension.lower() not in AUDIO | VIDEO:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "file": ValidationError(
                        _("Choose an audio or video file (%(types)s).")
                        % {"types": ", ".join(sorted(AUDIO | VIDEO))}
                    )
                }
            )
        return value

    class Meta:
        icon = "media"
        template = "blocks/media_file.html"
        label = _("Audio or video file")
        description = _("A player for an uploaded radio report or video, with a transcript.")
        value_class = MediaFileValue


class ArticleBodyBlock(BodyBlock):
    gallery = GalleryBlock()
    media_file = MediaFileBlock()
