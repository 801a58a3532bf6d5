"""Synthetic products for benchmarks: N realistic records inserted in bulk (:mod:`bench.synthetic`),
spread over the libraries of the requested languages, with text in each library's language
(:mod:`bench.corpus`)."""

import itertools
import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from home.models import Channel, ContentArea, Convention, Organisation, PageProvince, ProductType, Province
from library import facets
from library.models import IdentifierSequence, Language, LibraryPage, ProductPage

from .corpus import Corpus
from .synthetic import languages, page_batches, save_batch, shares, through_models

#: The product's own language (ISO 639-3, ``library.Language``) in each locale's library.
PRIMARY_LANGUAGE = {"vi": "vie", "en": "eng", "km": "khm"}
#: Other languages a product is sometimes also in, with their probability.
OTHER_LANGUAGES = {
    "vi": (("khm", 0.15), ("eng", 0.05)),
    "en": (("vie", 0.3),),
    "km": (("vie", 0.5),),
}


def _library(code):
    library = (
        LibraryPage.objects.select_for_update().filter(locale__language_code=code).order_by("path").first()
    )
    if library is None:
        raise LibraryPage.DoesNotExist(f"no {code} library: run seed_demo first")
    return library


def _vocabulary(locale):
    return {
        "types": list(ProductType.objects.filter(locale=locale)),
        "channels": list(Channel.objects.filter(locale=locale)),
        "conventions": list(Convention.objects.filter(locale=locale)),
        "areas": list(ContentArea.objects.filter(locale=locale)),
        "provinces": list(Province.objects.filter(locale=locale)),
        "organisations": list(Organisation.objects.filter(locale=locale)),
    }


@transaction.atomic
def create_products(count, *, seed=1079, language="all", stdout=None):
    """Add ``count`` live products: to the ``language`` library (``vi``, ``en``, ``km``) or, with
    ``all``, evenly to the three. Returns ``{language: number created}``."""
    rng = random.Random(seed)  # reproducible test data, not secrets
    plan = shares(count, languages(language))
    year = timezone.now().year
    first_number = (
        IdentifierSequence.objects.filter(prefix="SY", year=year).values_list("last", flat=True).first() or 0
    )
    through, targets = through_models(ProductPage, ("channels", "languages", "conventions", "content_areas"))
    known_languages = set(Language.objects.values_list("code", flat=True))
    numbers = itertools.count(first_number + 1)
    slugs = (f"sp-{n}" for n in itertools.count(first_number + 1))
    done = 0
    for code, wanted in plan.items():
        if not wanted:
            continue
        library = _library(code)
        corpus = Corpus(code, seed)
        vocab = _vocabulary(library.locale)
        made = 0
        for inserted in page_batches(library, ProductPage, wanted, slugs=slugs, rng=rng, title=corpus.title):
            rows, tags, m2m = [], [], {name: [] for name in through}
            for page in inserted:
                published = page.last_published_at.date() - timedelta(days=rng.randrange(0, 400))
                rows.append(
                    {
                        "page_ptr_id": page.pk,
                        "identifier": f"SY-{year}-{next(numbers):06d}",
                        "description": f"<p>{corpus.sentence()} {corpus.sentence()}</p>",
                        "product_type_id": rng.choice(vocab["types"]).pk,
                        "convention_articles": "",
                        "producer_id": (
                            rng.choice(vocab["organisations"]).pk if vocab["organisations"] else None
                        ),
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
                    for term in rng.sample(pool, min(len(pool), rng.randint(1, most))):
                        m2m[name].append(through[name](productpage_id=page.pk, **{targets[name]: term.pk}))
                codes = [PRIMARY_LANGUAGE[code]]
                codes += [other for other, chance in OTHER_LANGUAGES[code] if rng.random() < chance]
                for language_code in codes:
                    if language_code in known_languages:
                        m2m["languages"].append(
                            through["languages"](productpage_id=page.pk, language_id=language_code)
                        )
                if vocab["provinces"]:
                    tags.append(
                        PageProvince(page_id=page.pk, province=rng.choice(vocab["provinces"]), sort_order=0)
                    )
            save_batch(ProductPage, rows, through, m2m, tags)
            facets.index_products([page.pk for page in inserted])
            made += len(inserted)
            done += len(inserted)
            if stdout:
                stdout.write(f"  {code}: {made} / {wanted} ({done} / {count})")
    sequence, _ = IdentifierSequence.objects.get_or_create(prefix="SY", year=year)
    sequence.last = first_number + count
    sequence.save(update_fields=["last"])
    return plan
