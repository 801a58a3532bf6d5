"""Synthetic content for benchmarks: many realistic pages inserted in bulk.

Wagtail creates pages one by one (tree bookkeeping, revisions, signals), which takes hours for
100,000 records. These helpers write the same rows directly: page rows with computed tree paths
under a parent, then the specific model's rows, in batches, inside the caller's transaction. Text
comes from real sentences (``sentences``). Records are live and public; they get no revisions,
which no benchmarked view reads. Rebuild the search index afterwards (``manage.py update_index``):
bulk rows bypass publishing signals.
"""

import uuid
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from treebeard.numconv import NumConv

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from wagtail.models import Page

BATCH = 2000
PATH_ALPHABET = NumConv("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


CORPUS = Path(__file__).resolve().parent / "data" / "synthetic_vi.txt"


@lru_cache(maxsize=1)
def sentences():
    """Real Vietnamese sentences about human-rights communication (``home/data/synthetic_vi.txt``):
    text built from them has the word frequencies and collocations of real text (“bạo lực gia
    đình”, “trẻ em”), not the flat frequencies of words drawn independently from a list."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def sentence(rng):
    return rng.choice(sentences())


def title(rng):
    """A title: four to nine consecutive words of a real sentence."""
    words = sentence(rng).rstrip(".").split()
    size = rng.randint(4, 9)
    start = rng.randrange(0, max(1, len(words) - size + 1))
    text = " ".join(words[start : start + size]).strip(",")
    return text[:1].upper() + text[1:]


def insert(model, rows):
    """INSERT the model's own columns for ``rows`` (dicts keyed by attname) with executemany."""
    fields = [f for f in model._meta.local_concrete_fields if f.attname in rows[0]]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 (names from the model, values bound)
    values = [[f.get_db_prep_save(row[f.attname], connection) for f in fields] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def child_pages(parent, model, *, first_child, count, slugs, rng):
    """Insert ``count`` live base page rows of ``model`` under ``parent``; returns them with pks.
    ``first_child`` is the number of children ``parent`` already has plus one; ``slugs`` yields
    unique slugs. The caller inserts the specific rows and updates ``parent.numchild``."""
    content_type = ContentType.objects.get_for_model(model)
    page_fields = {f.attname for f in Page._meta.concrete_fields} - {"id"}
    now = timezone.now()
    stubs = []
    for n in range(count):
        text, slug = title(rng), next(slugs)
        stubs.append(
            Page(
                title=text,
                draft_title=text,
                slug=slug,
                content_type=content_type,
                path=parent.path + PATH_ALPHABET.int2str(first_child + n).rjust(4, "0"),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                locale_id=parent.locale_id,
                translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
                live=True,
                first_published_at=now,
                last_published_at=now - timedelta(minutes=rng.randrange(0, 500000)),
                latest_revision_created_at=now,
            )
        )
    rows = [Page(**{f: getattr(stub, f) for f in page_fields}) for stub in stubs]
    return Page.objects.bulk_create(rows, batch_size=500)
