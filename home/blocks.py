"""The shared body StreamBlock used by every page type that has free-form content."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import blocks as image_blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class ImageBlock(image_blocks.ImageBlock):
    """Wagtail's image block, with its image chooser labelled in the admin's language.

    Wagtail 8.0 gives the block's ``image`` child no label, so the admin names it "Image" after
    the field, in English whatever the admin language (the other children have translated labels).
    Migrations record this block as Wagtail's own (``ImageBlock.deconstruct``). Delete this class
    when upstream labels the child: ``tests/translations/test_admin_language.py`` notices.
    """

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        image = self.child_blocks["image"]
        image.meta.label = image.label = _("Image")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        description = _("A section heading; h2 for sections, h3 inside them.")
        preview_value = {"text": "Quyền con người là gì?", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    class Meta:
        icon = "image"
        template = "blocks/figure.html"
        label = _("Image")
        description = _("An image with alt text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Quote")
        description = _("A pull quote with who said it.")
        preview_value = {
            "quote": "Mọi người sinh ra đều được tự do và bình đẳng về nhân phẩm và quyền.",
            "attribution": "Tuyên ngôn Quốc tế Nhân quyền, Điều 1",
        }


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "info-circle"
        template = "blocks/fact_box.html"
        label = _("Fact box")
        description = _("A highlighted box of key facts beside the main text.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Defaults to the document title.")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document.html"
        label = _("Document")
        description = _("A link to download a document, with its type and size.")


class EmbedMediaBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Video or audio URL"))
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("Read by screen readers; required.")
    )
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    class Meta:
        icon = "media"
        template = "blocks/embed.html"
        label = _("Video or audio")
        description = _("An embedded video or audio player with a title and transcript.")


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("or URL"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter a URL, not both."))}
            )
        return value

    class Meta:
        icon = "link"
        template = "blocks/call_to_action.html"
        label = _("Call to action")
        description = _("A prominent link to a page or URL.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph.html",
        description=_("Running text."),
    )
    image = FigureBlock()
    quote = QuoteBlock()
    fact_box = FactBoxBlock()
    table = TableBlock(
        label=_("Table"),
        template="blocks/table.html",
        description=_("A data table with a header row."),
        table_options={"startRows": 3, "startCols": 3, "colHeaders": False, "rowHeaders": False},
    )
    media = EmbedMediaBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        block_counts = {}


class RightsSectionBlock(blocks.StructBlock):
    """A group of a convention's articles and the rights they protect."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    articles = blocks.CharBlock(
        label=_("Articles"), max_length=100, required=False, help_text=_("For example: Articles 6–27")
    )
    body = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ul"
        template = "blocks/rights_section.html"
        label = _("Rights section")
        description = _("A group of articles of the convention and the rights they protect.")
        preview_value = {
            "title": "Quyền được sống",
            "articles": "Điều 6",
            "body": "<p>Mọi người đều có quyền cố hữu là được sống.</p>",
        }


class TimelineEventBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    event = blocks.CharBlock(label=_("What happened"), max_length=300)

    class Meta:
        icon = "date"
        label = _("Event")
        description = _("A dated step in Viet Nam's history with the convention.")


class ReportingCycleBlock(blocks.StructBlock):
    """One cycle of Viet Nam's reporting to the treaty body."""

    cycle = blocks.CharBlock(
        label=_("Cycle"), max_length=100, help_text=_("For example: 5th–6th combined report")
    )
    submitted = blocks.DateBlock(label=_("Report submitted"), required=False)
    reviewed = blocks.DateBlock(label=_("Reviewed by the committee"), required=False)
    next_due = blocks.DateBlock(label=_("Next report due"), required=False)
    outcome_url = blocks.URLBlock(label=_("Concluding observations (link)"), required=False)
    notes = blocks.TextBlock(label=_("Notes"), required=False)

    class Meta:
        icon = "history"
        label = _("Reporting cycle")
        description = _("A report to the treaty body, its review and the concluding observations.")


AUDIO = {"mp3", "m4a", "ogg", "oga", "wav"}
VIDEO = {"mp4", "webm", "ogv"}


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
