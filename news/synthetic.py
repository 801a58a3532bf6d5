"""Synthetic articles for benchmarks: N realistic news items inserted in bulk (``home.synthetic``)."""

import itertools
import json
import random
import uuid
from datetime import date, timedelta

from django.db import transaction

from home.models import ContentArea, Convention, PageProvince, Province, Topic
from home.synthetic import BATCH, child_pages, insert, sentence

from .models import ArticleIndexPage, ArticlePage


def _body(rng):
    paragraphs = [f"<p>{sentence(rng)} {sentence(rng)} {sentence(rng)}</p>" for _ in range(rng.randint(3, 6))]
    return json.dumps([{"type": "paragraph", "value": text, "id": str(uuid.uuid4())} for text in paragraphs])


@transaction.atomic
def create_articles(count, *, seed=2022, stdout=None):
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not secrets)
    section = ArticleIndexPage.objects.select_for_update().filter(locale__language_code="vi", depth=3).first()
    locale_id = section.locale_id
    vocab = {
        "conventions": list(Convention.objects.filter(locale_id=locale_id)),
        "content_areas": list(ContentArea.objects.filter(locale_id=locale_id)),
        "topics": list(Topic.objects.filter(locale_id=locale_id)),
        "provinces": list(Province.objects.filter(locale_id=locale_id)),
    }
    through = {
        name: getattr(ArticlePage, name).through for name in ("conventions", "content_areas", "topics")
    }
    targets = {
        name: next(
            f.attname for f in model._meta.fields if f.related_model is not ArticlePage and f.is_relation
        )
        for name, model in through.items()
    }
    start_child = section.numchild
    start_slug = ArticlePage.objects.filter(slug__startswith="bv-").count()
    slugs = (f"bv-{start_slug + n}" for n in itertools.count(1))
    for offset in range(0, count, BATCH):
        size = min(BATCH, count - offset)
        inserted = child_pages(
            section, ArticlePage, first_child=start_child + offset + 1, count=size, slugs=slugs, rng=rng
        )
        rows, tags, m2m = [], [], {name: [] for name in through}
        for page in inserted:
            rows.append(
                {
                    "page_ptr_id": page.pk,
                    "standfirst": sentence(rng),
                    "hero_caption": "",
                    "hero_credit": "",
                    "body": _body(rng),
                    "date": date(2020, 1, 1) + timedelta(days=rng.randrange(0, 2500)),
                    "organisation_id": None,
                    "hero_image_id": None,
                }
            )
            for name, most in (("conventions", 2), ("content_areas", 1), ("topics", 1)):
                pool = vocab[name]
                for term in rng.sample(pool, min(len(pool), rng.randint(1, most))):
                    m2m[name].append(through[name](articlepage_id=page.pk, **{targets[name]: term.pk}))
            tags.append(PageProvince(page_id=page.pk, province=rng.choice(vocab["provinces"]), sort_order=0))
        insert(ArticlePage, rows)
        for name, objects in m2m.items():
            through[name].objects.bulk_create(objects, batch_size=1000)
        PageProvince.objects.bulk_create(tags, batch_size=1000)
        if stdout:
            stdout.write(f"  {offset + size} / {count}")
    ArticleIndexPage.objects.filter(pk=section.pk).update(numchild=start_child + count)
    return count
