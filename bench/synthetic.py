"""Synthetic content for benchmarks: many realistic pages inserted in bulk.

Wagtail creates pages one by one (tree bookkeeping, revisions, signals), which takes hours for
100,000 records. These helpers write the same rows directly: page rows with computed tree paths
under a parent, then the specific model's rows, in batches, inside the caller's transaction. Text
comes from :mod:`bench.corpus` (newsroom-like Vietnamese, English and Khmer). Records are live
and public; they get no revisions, which no benchmarked view reads. Rebuild the search index
afterwards (``manage.py update_index``): bulk rows bypass publishing signals.

Used by :mod:`bench.products` and :mod:`bench.articles` (``seed_products``, ``seed_articles``).
"""

import uuid
from datetime import timedelta

from treebeard.numconv import NumConv

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from wagtail.models import Page

BATCH = 2000
PATH_ALPHABET = NumConv("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
LANGUAGES = ("vi", "en", "km")


def languages(choice):
    """The language codes a ``--language`` choice stands for (``all``: vi, en and km)."""
    if choice in (None, "all"):
        return LANGUAGES
    if choice not in LANGUAGES:
        raise ValueError(f"unknown language {choice!r}: choose one of {', '.join(LANGUAGES)} or all")
    return (choice,)


def shares(count, codes):
    """``count`` records spread evenly over ``codes`` (the first ones take the remainder)."""
    base, extra = divmod(count, len(codes))
    return {code: base + (1 if index < extra else 0) for index, code in enumerate(codes)}


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


def child_pages(parent, model, *, first_child, count, slugs, rng, title):
    """Insert ``count`` live base page rows of ``model`` under ``parent``; returns them with pks.
    ``first_child`` is the number of children ``parent`` already has plus one; ``slugs`` yields
    unique slugs; ``title()`` gives each page's title (in the parent's language). The caller
    inserts the specific rows and updates ``parent.numchild``."""
    content_type = ContentType.objects.get_for_model(model)
    page_fields = {f.attname for f in Page._meta.concrete_fields} - {"id"}
    now = timezone.now()
    stubs = []
    for n in range(count):
        text, slug = title()[:255], next(slugs)
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


def through_models(model, names):
    """For ``model``'s many-to-many fields ``names``: ``{name: through model}`` and ``{name: the
    through model's column for the other side}``."""
    through = {name: getattr(model, name).through for name in names}
    targets = {
        name: next(f.attname for f in other._meta.fields if f.related_model is not model and f.is_relation)
        for name, other in through.items()
    }
    return through, targets


def page_batches(parent, model, wanted, *, slugs, rng, title):
    """Insert ``wanted`` live base page rows of ``model`` under ``parent``, :data:`BATCH` at a
    time (:func:`child_pages`), yielding each batch; ``parent.numchild`` is updated at the end."""
    start_child = parent.numchild
    for offset in range(0, wanted, BATCH):
        yield child_pages(
            parent,
            model,
            first_child=start_child + offset + 1,
            count=min(BATCH, wanted - offset),
            slugs=slugs,
            rng=rng,
            title=title,
        )
    type(parent).objects.filter(pk=parent.pk).update(numchild=start_child + wanted)


def save_batch(model, rows, through, m2m, tags):
    """Insert a batch's own ``model`` rows, its many-to-many links (``{name: through objects}``,
    ``through`` as :func:`through_models` gives) and its province tags."""
    from home.models import PageProvince

    insert(model, rows)
    for name, objects in m2m.items():
        through[name].objects.bulk_create(objects, batch_size=1000)
    PageProvince.objects.bulk_create(tags, batch_size=1000)
