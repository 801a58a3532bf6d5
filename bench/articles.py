"""Synthetic articles for benchmarks: N realistic news items inserted in bulk
(:mod:`bench.synthetic`), spread over the news sections of the requested languages, with text
in each section's language (:mod:`bench.corpus`)."""

import itertools
import json
import random
import uuid
from datetime import date, timedelta

from django.db import transaction

from home.models import ContentArea, Convention, PageProvince, Province, Topic
from news.models import ArticleIndexPage, ArticlePage

from .corpus import Corpus
from .synthetic import BATCH, child_pages, insert, languages, shares


def _body(corpus, rng):
    paragraphs = [f"<p>{corpus.paragraph()}</p>" for _ in range(rng.randint(3, 6))]
    return json.dumps(
        [
            {"type": "paragraph", "value": text, "id": str(uuid.UUID(int=rng.getrandbits(128), version=4))}
            for text in paragraphs
        ],
        ensure_ascii=False,
    )


def _section(code):
    section = (
        ArticleIndexPage.objects.select_for_update()
        .filter(locale__language_code=code, depth=3)
        .order_by("path")
        .first()
    )
    if section is None:
        raise ArticleIndexPage.DoesNotExist(f"no {code} news section: run seed_demo first")
    return section


@transaction.atomic
def create_articles(count, *, seed=2022, language="all", stdout=None):
    """Add ``count`` live articles: to the ``language`` news section (``vi``, ``en``, ``km``) or,
    with ``all``, evenly to the three. Returns ``{language: number created}``."""
    rng = random.Random(seed)  # reproducible test data, not secrets
    plan = shares(count, languages(language))
    through = {
        name: getattr(ArticlePage, name).through for name in ("conventions", "content_areas", "topics")
    }
    targets = {
        name: next(
            f.attname for f in model._meta.fields if f.related_model is not ArticlePage and f.is_relation
        )
        for name, model in through.items()
    }
    start_slug = ArticlePage.objects.filter(slug__startswith="bv-").count()
    slugs = (f"bv-{start_slug + n}" for n in itertools.count(1))
    done = 0
    for code, wanted in plan.items():
        if not wanted:
            continue
        section = _section(code)
        corpus = Corpus(code, seed)
        locale_id = section.locale_id
        vocab = {
            "conventions": list(Convention.objects.filter(locale_id=locale_id)),
            "content_areas": list(ContentArea.objects.filter(locale_id=locale_id)),
            "topics": list(Topic.objects.filter(locale_id=locale_id)),
            "provinces": list(Province.objects.filter(locale_id=locale_id)),
        }
        start_child = section.numchild
        for offset in range(0, wanted, BATCH):
            size = min(BATCH, wanted - offset)
            inserted = child_pages(
                section,
                ArticlePage,
                first_child=start_child + offset + 1,
                count=size,
                slugs=slugs,
                rng=rng,
                title=corpus.title,
            )
            rows, tags, m2m = [], [], {name: [] for name in through}
            for page in inserted:
                rows.append(
                    {
                        "page_ptr_id": page.pk,
                        "standfirst": corpus.sentence(),
                        "hero_caption": "",
                        "hero_credit": "",
                        "body": _body(corpus, rng),
                        "date": date(2020, 1, 1) + timedelta(days=rng.randrange(0, 2500)),
                        "organisation_id": None,
                        "hero_image_id": None,
                    }
                )
                for name, most in (("conventions", 2), ("content_areas", 1), ("topics", 1)):
                    pool = vocab[name]
                    for term in rng.sample(pool, min(len(pool), rng.randint(1, most))):
                        m2m[name].append(through[name](articlepage_id=page.pk, **{targets[name]: term.pk}))
                if vocab["provinces"]:
                    tags.append(
                        PageProvince(page_id=page.pk, province=rng.choice(vocab["provinces"]), sort_order=0)
                    )
            insert(ArticlePage, rows)
            for name, objects in m2m.items():
                through[name].objects.bulk_create(objects, batch_size=1000)
            PageProvince.objects.bulk_create(tags, batch_size=1000)
            done += size
            if stdout:
                stdout.write(f"  {code}: {offset + size} / {wanted} ({done} / {count})")
        ArticleIndexPage.objects.filter(pk=section.pk).update(numchild=start_child + wanted)
    return plan
