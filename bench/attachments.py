"""Attached files for benchmarks: N benchmark products get a document each whose text has been
extracted, as if editors had attached reports and the extraction task had read them.

The files themselves are not written (the search benchmark measures the index, not the
extraction, which ``tests/library/test_attachment_text.py`` covers): each document row points at a
file name, and its ``AttachmentText`` row holds several thousand characters of newsroom text in the
product's language (``bench/corpus.py``). Rebuild the search index afterwards.
"""

import random
import uuid

from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model

from bench.corpus import Corpus
from library.models import AttachmentText, ProductPage

BATCH = 1000


@transaction.atomic
def create_attachments(count, *, seed=1079, characters=(3000, 12000), stdout=None):
    """Attach a document with extracted text to ``count`` benchmark products (``SY-`` identifiers,
    ``bench/products.py``) that have no attachment yet."""
    rng = random.Random(seed)  # reproducible benchmark data
    Document = get_document_model()
    pages = ProductPage.objects.filter(identifier__startswith="SY-").select_related("locale").order_by("pk")
    products = [
        (page.pk, page.locale.language_code)
        for page in pages.only("pk", "attachments", "locale__language_code").iterator(chunk_size=BATCH)
        if not page.attachments
    ]
    chosen = sorted(rng.sample(products, min(count, len(products))))
    corpora = {}
    now = timezone.now()
    for start in range(0, len(chosen), BATCH):
        batch = chosen[start : start + BATCH]
        documents = Document.objects.bulk_create(
            Document(title=f"Báo cáo {pk}", file=f"documents/bench/report-{pk}.pdf", file_hash=f"{pk:040x}")
            for pk, _language in batch
        )
        texts = []
        for document, (_pk, language) in zip(documents, batch, strict=True):
            corpus = corpora.setdefault(language, Corpus(language, seed=seed))
            size, text = rng.randint(*characters), []
            while sum(len(paragraph) for paragraph in text) < size:
                text.append(corpus.paragraph())
            body = "\n\n".join(text)
            texts.append(
                AttachmentText(
                    document=document,
                    file_hash=document.file_hash,
                    status=AttachmentText.Status.DONE,
                    text=body,
                    characters=len(body),
                    extracted_at=now,
                )
            )
        AttachmentText.objects.bulk_create(texts)
        pages = ProductPage.objects.in_bulk([pk for pk, _language in batch])
        for document, (pk, _language) in zip(documents, batch, strict=True):
            pages[pk].attachments = [{"type": "document", "value": document.pk, "id": str(uuid.uuid4())}]
        ProductPage.objects.bulk_update(pages.values(), ["attachments"], batch_size=BATCH)
        if stdout:
            stdout.write(f"  {start + len(batch)} attachments")
    return len(chosen)
