"""Synthetic products for benchmarks: N realistic records inserted in bulk.

Wagtail creates pages one by one (tree bookkeeping, revisions, signals), which takes hours for
100,000 records. This writes the same rows directly: page rows with computed tree paths, the
product rows, tags and content languages, in batches, inside one transaction. Records are live
and public; they get no revisions, which no benchmarked view reads.
"""

import random
import uuid
from datetime import date, timedelta

from treebeard.numconv import NumConv

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Page

from home.models import Channel, ContentArea, Convention, Organisation, PageProvince, ProductType, Province

from . import facets
from .models import IdentifierSequence, Language, LibraryPage, ProductPage

WORDS = [
    "quyền",
    "con",
    "người",
    "trẻ",
    "em",
    "phụ",
    "nữ",
    "người",
    "khuyết",
    "tật",
    "dân",
    "tộc",
    "thiểu",
    "số",
    "bình",
    "đẳng",
    "giới",
    "giáo",
    "dục",
    "y",
    "tế",
    "lao",
    "động",
    "việc",
    "làm",
    "an",
    "sinh",
    "xã",
    "hội",
    "pháp",
    "luật",
    "công",
    "ước",
    "tuyên",
    "truyền",
    "truyền",
    "thông",
    "phòng",
    "chống",
    "mua",
    "bán",
    "người",
    "bạo",
    "lực",
    "gia",
    "đình",
    "tự",
    "do",
    "tín",
    "ngưỡng",
    "biểu",
    "đạt",
    "tiếp",
    "cận",
    "thông",
    "tin",
    "đời",
    "sống",
    "văn",
    "hóa",
]
BATCH = 2000
PATH_ALPHABET = NumConv("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _title(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 9))).capitalize()


def _insert(model, rows):
    """INSERT the model's own columns for ``rows`` (dicts keyed by attname) with executemany."""
    fields = [f for f in model._meta.local_concrete_fields if f.attname in rows[0]]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 (names from the model, values bound)
    values = [[f.get_db_prep_save(row[f.attname], connection) for f in fields] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


@transaction.atomic
def create_products(count, *, seed=1079, stdout=None):
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not secrets)
    library = LibraryPage.objects.select_for_update().filter(locale__language_code="vi").first()
    locale = library.locale
    vocab = {
        "types": list(ProductType.objects.filter(locale=locale)),
        "channels": list(Channel.objects.filter(locale=locale)),
        "conventions": list(Convention.objects.filter(locale=locale)),
        "areas": list(ContentArea.objects.filter(locale=locale)),
        "provinces": list(Province.objects.filter(locale=locale)),
        "organisations": list(Organisation.objects.filter(locale=locale)),
        "languages": list(Language.objects.all()),
    }
    content_type = ContentType.objects.get_for_model(ProductPage)
    page_fields = {f.attname for f in Page._meta.concrete_fields}
    start_child = library.numchild
    now = timezone.now()
    year = now.year
    first_number = (
        IdentifierSequence.objects.filter(prefix="SY", year=year).values_list("last", flat=True).first() or 0
    )
    through = {
        name: getattr(ProductPage, name).through
        for name in ("channels", "languages", "conventions", "content_areas")
    }
    targets = {
        name: next(
            f.attname for f in model._meta.fields if f.related_model is not ProductPage and f.is_relation
        )
        for name, model in through.items()
    }
    for offset in range(0, count, BATCH):
        size = min(BATCH, count - offset)
        pages = []
        for n in range(size):
            index = start_child + offset + n + 1
            published = date(2016, 1, 1) + timedelta(days=rng.randrange(0, 3900))
            title = _title(rng)
            page = ProductPage(
                title=title,
                draft_title=title,
                slug=f"sp-{first_number + offset + n + 1}",
                content_type=content_type,
                path=library.path + PATH_ALPHABET.int2str(index).rjust(4, "0"),
                depth=library.depth + 1,
                numchild=0,
                url_path=f"{library.url_path}sp-{first_number + offset + n + 1}/",
                locale=locale,
                translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
                live=True,
                first_published_at=now,
                last_published_at=now - timedelta(minutes=rng.randrange(0, 500000)),
                latest_revision_created_at=now,
            )
            pages.append(page)
        base = [{f: getattr(p, f) for f in page_fields if f != "id"} for p in pages]
        inserted = Page.objects.bulk_create([Page(**row) for row in base], batch_size=500)
        rows, tags, m2m = [], [], {name: [] for name in through}
        for page, stub in zip(inserted, pages, strict=True):
            number = first_number + offset + len(rows) + 1
            published = stub.last_published_at.date() - timedelta(days=rng.randrange(0, 400))
            rows.append(
                {
                    "page_ptr_id": page.pk,
                    "identifier": f"SY-{year}-{number:06d}",
                    "description": f"<p>{_title(rng)}. {_title(rng)}.</p>",
                    "product_type_id": rng.choice(vocab["types"]).pk,
                    "convention_articles": "",
                    "producer_id": rng.choice(vocab["organisations"]).pk if vocab["organisations"] else None,
                    "commissioner_id": None,
                    "produced_on": published,
                    "published_on": published,
                    "year": published.year,
                    "duration_minutes": rng.choice([None, 5, 10, 15, 30]),
                    "page_count": None,
                    "placements": "[]",
                    "attachments": "[]",
                    "transcript": "",
                    "licence": "CC-BY-4.0",
                    "attribution": "",
                    "reprint_allowed": True,
                    "rebroadcast_allowed": True,
                    "embargo_until": None,
                    "state_funded": rng.random() < 0.6,
                    "funding_programme": "",
                }
            )
            for name, pool, most in (
                ("channels", vocab["channels"], 2),
                ("conventions", vocab["conventions"], 2),
                ("content_areas", vocab["areas"], 1),
            ):
                for term in rng.sample(pool, rng.randint(1, most)):
                    m2m[name].append(through[name](productpage_id=page.pk, **{targets[name]: term.pk}))
            languages = (
                ["vie"] + (["khm"] if rng.random() < 0.15 else []) + (["eng"] if rng.random() < 0.05 else [])
            )
            for code in languages:
                m2m["languages"].append(through["languages"](productpage_id=page.pk, language_id=code))
            tags.append(PageProvince(page_id=page.pk, province=rng.choice(vocab["provinces"]), sort_order=0))
        _insert(ProductPage, rows)
        for name, objects in m2m.items():
            through[name].objects.bulk_create(objects, batch_size=1000)
        PageProvince.objects.bulk_create(tags, batch_size=1000)
        facets.index_products([page.pk for page in inserted])
        if stdout:
            stdout.write(f"  {offset + size} / {count}")
    LibraryPage.objects.filter(pk=library.pk).update(numchild=start_child + count)
    sequence, _ = IdentifierSequence.objects.get_or_create(prefix="SY", year=year)
    sequence.last = first_number + count
    sequence.save(update_fields=["last"])
    return count
