"""Synthetic products for benchmarks: N realistic records inserted in bulk (``home.synthetic``)."""

import itertools
import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from home.models import Channel, ContentArea, Convention, Organisation, PageProvince, ProductType, Province
from home.synthetic import BATCH, child_pages, insert, sentence

from . import facets
from .models import IdentifierSequence, Language, LibraryPage, ProductPage


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
    start_child = library.numchild
    year = timezone.now().year
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
    slugs = (f"sp-{first_number + n}" for n in itertools.count(1))
    for offset in range(0, count, BATCH):
        size = min(BATCH, count - offset)
        inserted = child_pages(
            library, ProductPage, first_child=start_child + offset + 1, count=size, slugs=slugs, rng=rng
        )
        rows, tags, m2m = [], [], {name: [] for name in through}
        for page in inserted:
            number = first_number + offset + len(rows) + 1
            published = page.last_published_at.date() - timedelta(days=rng.randrange(0, 400))
            rows.append(
                {
                    "page_ptr_id": page.pk,
                    "identifier": f"SY-{year}-{number:06d}",
                    "description": f"<p>{sentence(rng)} {sentence(rng)}</p>",
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
        insert(ProductPage, rows)
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
