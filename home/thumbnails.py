"""First-page thumbnails of uploaded PDF documents, shown beside download links."""

import io
import logging

from django.core.files.base import ContentFile
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import CustomDocument

logger = logging.getLogger("cms.documents")
WIDTH = 360
MAX_PDF_BYTES = 50 * 1024 * 1024


def render_first_page(data, width=WIDTH):
    """A JPEG of the first page of the PDF in ``data``, ``width`` pixels wide; None if unreadable."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
        try:
            if len(pdf) == 0:
                return None
            page = pdf[0]
            page_width, page_height = page.get_size()
            if page_width <= 0 or page_height <= 0:
                return None
            scale = min(width / page_width, 4.0)
            image = page.render(scale=scale).to_pil().convert("RGB")
        finally:
            pdf.close()
    except pypdfium2.PdfiumError:
        return None
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


@receiver(post_save, sender=CustomDocument)
def make_thumbnail(sender, instance, **kwargs):
    if instance.thumbnail or instance.file_extension.lower() != "pdf":
        return
    try:
        with instance.open_file() as handle:
            data = handle.read(MAX_PDF_BYTES + 1)
    except OSError as error:
        logger.warning("cannot read %s for a thumbnail: %s", instance.file.name, error)
        return
    if len(data) > MAX_PDF_BYTES:
        return
    jpeg = render_first_page(data)
    if jpeg is None:
        logger.info("no thumbnail for %s: not a readable PDF", instance.file.name)
        return
    instance.thumbnail.save(f"doc-{instance.pk}.jpg", ContentFile(jpeg), save=False)
    CustomDocument.objects.filter(pk=instance.pk).update(thumbnail=instance.thumbnail.name)
