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
from .synthetic import languages, page_batches, save_batch, shares, through_models


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
    through, targets = through_models(ArticlePage, ("conventions", "content_areas", "topics"))
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
        made = 0
        for inserted in page_batches(section, ArticlePage, wanted, slugs=slugs, rng=rng, title=corpus.title):
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
            save_batch(ArticlePage, rows, through, m2m, tags)
            made += len(inserted)
            done += len(inserted)
            if stdout:
                stdout.write(f"  {code}: {made} / {wanted} ({done} / {count})")
    return plan
