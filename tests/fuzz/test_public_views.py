"""Every public view with generated parameters, paths and headers: never a 5xx.

Each test is one surface of the site (news sections, feeds, the library and its exports, search,
autocomplete, OAI-PMH, IIIF, exhibitions and their items, the untranslated notice, every page with
a stray parameter or path segment, robots/sitemap and the language redirect), with the parameter
names and values the view knows plus hostile ones (``tests/fuzz/hostile.py``), repeated
parameters, unencoded syntax characters and hostile headers. Known values come from the seeded
demo, so that generated requests reach the code behind validation as well as the refusals.

``FUZZ_SCALE=0.1 pytest tests/fuzz`` runs a tenth of the examples (a quick local check).
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wagtail.models import Page

from exhibitions.models import ExhibitionItem, ExhibitionPage
from home.models import (
    Channel,
    ContentArea,
    Convention,
    Organisation,
    ProductType,
    Province,
    ProvinceIndexPage,
    Topic,
)
from library.models import Language, LibraryPage, ProductPage
from news.models import ArticleIndexPage
from plans.models import CalendarPage, QuizPage
from tests.fuzz import hostile
from tests.fuzz.harness import Prober, examples

pytestmark = pytest.mark.django_db
LANGUAGES = ("vi", "en", "km")


def slugs(model):
    return set(model.objects.values_list("slug", flat=True))


def urls(model):
    return sorted(page.url for page in model.objects.live().public().specific())


@pytest.fixture
def demo(seeded):
    """What the seeded demo offers to aim at: page URLs and every filter's valid values."""
    return {
        "sections": urls(ArticleIndexPage),
        "libraries": urls(LibraryPage),
        "products": urls(ProductPage),
        "exhibitions": urls(ExhibitionPage),
        "provinces_index": urls(ProvinceIndexPage),
        "pages": sorted(page.url for page in Page.objects.live().public().filter(depth__gte=2)),
        "page_ids": sorted(Page.objects.values_list("pk", flat=True)),
        "conventions": slugs(Convention)
        | {c.lower() for c in Convention.objects.values_list("code", flat=True)},
        "provinces": slugs(Province),
        "areas": slugs(ContentArea),
        "topics": slugs(Topic),
        "types": slugs(ProductType),
        "channels": slugs(Channel),
        "organisations": slugs(Organisation),
        "languages": set(Language.objects.values_list("code", flat=True)),
        "items": sorted(str(key) for key in ExhibitionItem.objects.values_list("translation_key", flat=True)),
        "exhibition_keys": sorted(
            str(key) for key in ExhibitionPage.objects.values_list("translation_key", flat=True)
        ),
        "identifiers": sorted(set(ProductPage.objects.values_list("identifier", flat=True))),
        "calendars": urls(CalendarPage),
        "quizzes": urls(QuizPage),
    }


YEARS = {"2024", "2025", "2026", "1900", "2200", "1899"}


def headers():
    """Mostly none; otherwise hostile values of headers that views and middleware read."""
    value = hostile.values().map(lambda text: text.encode("utf-8", "surrogatepass").decode("latin-1")[:4000])
    one = st.sampled_from(
        [
            "Accept-Language",
            "Cookie",
            "If-Modified-Since",
            "If-None-Match",
            "X-Forwarded-For",
            "X-Forwarded-Proto",
            "Accept",
            "Range",
            "Referer",
            "User-Agent",
            "Origin",
        ]
    )
    cookie = st.sampled_from(["sessionid=", "django_language=", "csrftoken=", "messages="]).flatmap(
        lambda name: value.map(lambda v: name + v)
    )
    return st.one_of(
        st.just({}),
        st.just({}),
        st.dictionaries(one, value, max_size=3),
        cookie.map(lambda v: {"Cookie": v}),
    )


def run(surface, count, send):
    """``count`` generated examples (scaled by ``FUZZ_SCALE``) drawn by ``send(data, prober)``."""
    prober = Prober(surface)

    @settings(settings.get_profile("fuzz"), max_examples=examples(count))
    @given(st.data())
    def probe(data):
        send(data, prober)

    probe()
    prober.assert_no_server_errors()


def test_news_sections(demo):
    params = {
        "convention": demo["conventions"],
        "province": demo["provinces"],
        "area": demo["areas"],
        "topic": demo["topics"],
        "year": YEARS,
        "page": {"1", "2", "0", "-1", "999"},
    }

    def send(data, prober):
        path = data.draw(st.sampled_from(demo["sections"]))
        prober.get(path, data.draw(hostile.query_string(params)), headers=data.draw(headers()))

    run("news sections", 400, send)


def test_feeds(demo):
    params = {
        "convention": demo["conventions"],
        "province": demo["provinces"],
        "area": demo["areas"],
        "topic": demo["topics"],
        "year": YEARS,
    }
    feeds = [f"{section}feed/{kind}/" for section in demo["sections"] for kind in ("rss", "atom")]
    feeds += [f"/{language}/feeds/{kind}/" for language in LANGUAGES for kind in ("rss", "atom")]

    def send(data, prober):
        prober.get(data.draw(st.sampled_from(feeds)), data.draw(hostile.query_string(params)))

    run("feeds", 400, send)


def library_params(demo):
    return {
        "q": {"tre em", "trẻ em", "quyền", "Khmer", "ក្មេង", '"', "bao luc"},
        "convention": demo["conventions"],
        "province": demo["provinces"],
        "type": demo["types"],
        "language": demo["languages"],
        "channel": demo["channels"],
        "year": YEARS,
        "organisation": demo["organisations"],
        "page": {"1", "2", "0", "-3", "99999999999999999999", "²"},
    }


def test_library(demo):
    params = library_params(demo)

    def send(data, prober):
        path = data.draw(st.sampled_from(demo["libraries"]))
        prober.get(path, data.draw(hostile.query_string(params, max_pairs=8)), headers=data.draw(headers()))

    run("library", 700, send)


def test_library_exports(demo):
    params = library_params(demo)
    formats = hostile.segment({"csv", "xlsx", "json"})

    def send(data, prober):
        path = f"{data.draw(st.sampled_from(demo['libraries']))}export/{data.draw(formats)}/"
        prober.get(path, data.draw(hostile.query_string(params)))

    run("library exports", 300, send)


def test_search(demo):
    params = {
        "q": {"tre em", "trẻ em", "quyền trẻ em", "bạo lực", "ក្មេង", "children", '"', "*", "a OR b"},
        "page": {"1", "2", "0", "-1", "1000", "1001"},
        "scope": {"all", "here"},
        "kind": {"article", "product", "convention", "exhibition", "item", "page"},
        "convention": demo["conventions"],
        "province": demo["provinces"],
        "year": YEARS,
    }

    def send(data, prober):
        language = data.draw(st.sampled_from(LANGUAGES))
        prober.get(f"/{language}/search/", data.draw(hostile.query_string(params, max_pairs=8)))

    run("search", 800, send)


def test_suggest(demo):
    params = {"q": {"tr", "tre e", "quy", "ក្", "ch", "bao l"}}

    def send(data, prober):
        language = data.draw(st.sampled_from(LANGUAGES))
        prober.get(f"/{language}/search/suggest/", data.draw(hostile.query_string(params, max_pairs=3)))

    run("suggest", 600, send)


def test_oai_pmh(demo):
    identifiers = {f"oai:testserver:{identifier}" for identifier in demo["identifiers"]}
    sets = {f"convention:{code}" for code in demo["conventions"]} | {
        f"province:{slug}" for slug in demo["provinces"]
    }
    params = {
        "verb": {
            "Identify",
            "ListMetadataFormats",
            "ListSets",
            "ListIdentifiers",
            "ListRecords",
            "GetRecord",
        },
        "metadataPrefix": {"oai_dc", "marc21"},
        "identifier": identifiers | {"oai:testserver:", "oai:other:AG-2026-000001"},
        "from": {"2020-01-01", "2026-01-01T00:00:00Z", "2026-13-45", "0001-01-01", "9999-12-31T23:59:59Z"},
        "until": {"2030-01-01", "2026-12-31T23:59:59Z", "1970-01-01"},
        "set": sets | {"convention:", "province:", "other:x"},
        "resumptionToken": {"abc", "e30:1a2b3c", ""},
    }

    def send(data, prober):
        query = data.draw(hostile.query_string(params, max_pairs=5))
        if data.draw(st.booleans()):
            prober.get("/oai/", query)
        else:
            prober.request(
                "POST", "/oai/", data=query.encode(), content_type="application/x-www-form-urlencoded"
            )

    run("oai-pmh", 1200, send)


def test_iiif(demo):
    identifiers = hostile.segment(set(demo["items"]) | {"00000000-0000-0000-0000-000000000000"})
    regions = hostile.segment({"full", "square", "0,0,100,100", "pct:10,10,50,50", "10,10,0,0", "-1,0,5,5"})
    sizes = hostile.segment({"max", "^max", "100,", ",100", "pct:50", "!200,200", "^2000,", "0,", "pct:0"})
    rotations = hostile.segment({"0", "90", "180", "270", "!0", "22.5", "360", "-90"})
    qualities = hostile.segment({"default", "color", "gray", "bitonal"})
    formats = hostile.segment({"jpg", "png", "webp", "gif", "tif"})
    manifests = hostile.segment(set(demo["exhibition_keys"]))

    def send(data, prober):
        kind = data.draw(st.sampled_from(["manifest", "base", "info", "image", "image"]))
        if kind == "manifest":
            path = f"/iiif/manifests/{data.draw(manifests)}.json"
        elif kind == "base":
            path = f"/iiif/3/{data.draw(identifiers)}"
        elif kind == "info":
            path = f"/iiif/3/{data.draw(identifiers)}/info.json"
        else:
            parts = [data.draw(s) for s in (identifiers, regions, sizes, rotations, qualities)]
            path = "/iiif/3/" + "/".join(parts) + f".{data.draw(formats)}"
        prober.get(path, data.draw(hostile.query_string({}, max_pairs=2)), headers=data.draw(headers()))

    run("iiif", 800, send)


def test_exhibitions_and_items(demo):
    items = hostile.segment(set(demo["items"]) | {"00000000-0000-0000-0000-000000000000"})

    def send(data, prober):
        exhibition = data.draw(st.sampled_from(demo["exhibitions"]))
        path = exhibition if data.draw(st.booleans()) else f"{exhibition}items/{data.draw(items)}/"
        prober.get(path, data.draw(hostile.query_string({"page": {"1", "2"}}, max_pairs=3)))

    run("exhibitions", 200, send)


def test_untranslated_notice(demo):
    ids = st.one_of(
        st.sampled_from(demo["page_ids"]).map(str),
        st.integers(min_value=-(10**25), max_value=10**25).map(str),
        hostile.NUMBERS,
    )

    def send(data, prober):
        language = data.draw(st.sampled_from(LANGUAGES))
        prober.get(f"/{language}/untranslated/{hostile.encode(data.draw(ids))}/")

    run("untranslated", 300, send)


def test_every_page_with_stray_parameters_and_segments(demo):
    pages = demo["pages"] + [f"{index}{slug}/" for index in demo["provinces_index"] for slug in ("an-giang",)]
    pages += [f"{index}an-giang/figures/" for index in demo["provinces_index"]]
    provinces = hostile.segment(demo["provinces"])

    def send(data, prober):
        page = data.draw(st.sampled_from(pages))
        shape = data.draw(st.sampled_from(["query", "segment", "province", "figures"]))
        if shape == "segment":
            page = f"{page}{data.draw(hostile.segment())}/"
        elif shape in ("province", "figures"):
            index = data.draw(st.sampled_from(demo["provinces_index"]))
            page = f"{index}{data.draw(provinces)}/" + ("figures/" if shape == "figures" else "")
        prober.get(
            page, data.draw(hostile.query_string({"page": {"1"}}, max_pairs=3)), headers=data.draw(headers())
        )

    run("pages", 400, send)


def test_site_wide_endpoints(demo):
    paths = ["/", "/robots.txt", "/sitemap.xml", "/favicon.ico", "/healthz", "/vi/", "/en/", "/km/"]
    junk = st.builds(lambda segment: f"/{segment}/", hostile.segment({"vi", "en", "km", "admin", "api"}))

    def send(data, prober):
        path = data.draw(st.one_of(st.sampled_from(paths), junk))
        query = data.draw(hostile.query_string({"p": {"1", "2", "0", "-1", "x"}}, max_pairs=3))
        prober.get(path, query, headers=data.draw(headers()))

    run("site-wide", 300, send)


def test_calendars_and_quizzes(demo):
    """The events calendar, its iCalendar feed, and quiz answers posted by readers (questions,
    personal fields and consent, with hostile values, repeated and missing fields)."""
    assert demo["calendars"] and demo["quizzes"]
    fields = {
        **{f"q{number}": {"1", "2", "3", "4", "0", "-1", "99"} for number in range(1, 8)},
        "name": {"Nguyễn Văn A", "ស៊ុន"},
        "contact": {"0912345678", "a@example.org"},
        "commune": {"Mỹ Hòa Hưng"},
        "consent": {"on", "1", "true", ""},
    }

    def send(data, prober):
        kind = data.draw(st.sampled_from(["calendar", "ics", "quiz", "quiz", "answers"]))
        if kind == "answers":
            body = data.draw(hostile.query_string(fields, max_pairs=12)).encode()
            path = data.draw(st.sampled_from(demo["quizzes"]))
            prober.request("POST", path, data=body, content_type="application/x-www-form-urlencoded")
            return
        path = data.draw(st.sampled_from(demo["quizzes" if kind == "quiz" else "calendars"]))
        path += "ics/" if kind == "ics" else ""
        prober.get(path, data.draw(hostile.query_string({"page": {"1"}}, max_pairs=3)))

    run("calendars and quizzes", 400, send)
