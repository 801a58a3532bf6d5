"""The benchmark's attached files (``bench/attachments.py``): products get a document whose text the
index reads through ``ProductPage.search_attachments()``, as after a real extraction."""

import pytest

from django.core.management import call_command

from bench.attachments import create_attachments
from library.models import AttachmentText, ProductPage
from search import indexing, query
from search.models import SearchDocument


@pytest.mark.django_db
def test_attachments_are_searchable_after_a_rebuild(seeded):
    call_command("seed_products", "30", language="vi")
    assert create_attachments(5) == 5
    attached = [page for page in ProductPage.objects.filter(identifier__startswith="SY-") if page.attachments]
    assert len(attached) == 5
    texts = AttachmentText.objects.filter(
        status=AttachmentText.Status.DONE, document__title__startswith="Báo cáo "
    )
    assert texts.count() == 5 and all(row.characters >= 3000 for row in texts)
    indexing.rebuild()
    page = attached[0]
    ((name, text),) = page.search_attachments()
    document = SearchDocument.objects.get(object_id=page.pk)
    assert document.attachments == [[name, text[:20_000]]]
    # a run of words only the attached file has finds the product
    words = " ".join(text.split()[40:44])
    found = query.search(f'"{words}"', locale=page.locale, limit=50)
    assert page.pk in {result.object_id for result in found.documents}
