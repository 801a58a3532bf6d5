"""The phrase tier: the reader's words standing together, in order, rank above the same words
scattered, on every backend, in every language; typed diacritics rank exact matches first without
the PostgreSQL artefact that used to push the phrase down (issue "Search II")."""

import uuid

import pytest

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page

from cms.settings import components
from search import analysis
from search.backends import DatabaseIndex, Document, SearchRequest, get_index, tiers
from search.models import SearchDocument

pytestmark = pytest.mark.django_db

FILLER = {
    "vi": "Huyện tổ chức hội nghị tập huấn cho cán bộ xã về công tác tuyên truyền pháp luật. ",
    "en": "The district held a meeting on the communication plan for commune officials. ",
    "km": "ស្រុក​បាន​រៀបចំ​សន្និសីទ​ស្ដីពី​ផែនការ​ផ្សព្វផ្សាយ​សម្រាប់​មន្ត្រី​ឃុំ។ ",
}

# (language, query, documents {key: (title, body)}, the order expected: best first)
CASES = [
    (
        "vi",
        "quyền trẻ em",
        {
            # the trap: one syllable in a short title, the others in an unrelated sentence
            "scattered": ("Quyền của người dân", "Em gái học lớp trẻ ở trường huyện."),
            "phrase": ("Hội nghị ở huyện", FILLER["vi"] * 3 + "Bảo đảm quyền trẻ em là nhiệm vụ chung."),
        },
        ["phrase", "scattered"],
    ),
    (
        "vi",
        "quyen tre em",
        {
            "scattered": ("Quyền của người dân", "Em gái học lớp trẻ ở trường huyện."),
            "phrase": ("Hội nghị ở huyện", FILLER["vi"] * 3 + "Bảo đảm quyền trẻ em là nhiệm vụ chung."),
        },
        ["phrase", "scattered"],
    ),
    (
        "vi",
        "bạo lực gia đình",
        {
            "folded phrase": ("Tin huyện", "Bão lúc gia đình đang ngủ, nhiều nhà bị tốc mái."),
            "exact scattered": ("Bạo lực", FILLER["vi"] + "Gia đình ở xa, lực lượng xã đến giúp."),
            "exact phrase": ("Tin huyện", FILLER["vi"] * 2 + "Phòng, chống bạo lực gia đình ở xã."),
        },
        ["exact phrase", "exact scattered", "folded phrase"],
    ),
    (
        "vi",
        "thần tượng",
        {
            "other marks": ("Tin xã", "Người thân tưởng nhớ ông."),
            "exact": ("Tin xã", "Ca sĩ là thần tượng của nhiều bạn trẻ."),
        },
        ["exact", "other marks"],
    ),
    (
        "en",
        "rights of the child",
        {
            "scattered": ("Child protection", "Parents have rights and duties. " + FILLER["en"]),
            "phrase": ("District meeting", FILLER["en"] * 3 + "The rights of the child come first."),
            "inflected": ("District meeting", FILLER["en"] * 3 + "The right of the child to play."),
        },
        [{"phrase", "inflected"}, "scattered"],
    ),
    (
        "km",
        "សិទ្ធិ កុមារ",
        {
            "scattered": ("សិទ្ធិ", "កុមារ​បាន​ទៅ​សាលា។"),
            "phrase": ("ព័ត៌មាន", FILLER["km"] * 3 + "ការពារ​សិទ្ធិ​កុមារ​គឺ​ជា​កាតព្វកិច្ច។"),
        },
        ["phrase", "scattered"],
    ),
]


def _store(language, documents):
    locale = Locale.objects.get(language_code=language)
    content_type = ContentType.objects.get_for_model(Page)
    stored = []
    for number, (title, body) in enumerate(documents.values()):
        fields = analysis.index_fields(title, [body], english=language == "en")
        stored.append(
            Document(
                content_type_id=content_type.pk,
                object_id=900_000_000 + number,
                locale_id=locale.pk,
                translation_key=uuid.uuid4(),
                kind="page",
                title=title,
                text=body,
                url=f"/test/{number}/",
                facets={("kind", "page")},
                **fields,
            )
        )
    get_index().store(stored)
    ids = {900_000_000 + number: key for number, key in enumerate(documents)}
    return locale, ids


def _tiers_of(order):
    return [item if isinstance(item, set) else {item} for item in order]


def _grouped(found, order):
    """``found`` cut into consecutive runs of the sizes of ``order``'s tiers."""
    runs, start = [], 0
    for tier in _tiers_of(order):
        runs.append(set(found[start : start + len(tier)]))
        start += len(tier)
    return runs


def _ranked(index, locale, ids, text, language):
    request = SearchRequest(
        groups=analysis.analyse_query(text, english=language == "en"),
        locale_id=locale.pk,
        object_filter=(", ".join(["%s"] * len(ids)), list(ids)),
        limit=20,
    )
    found = index.search(request).ids
    objects = dict(SearchDocument.objects.filter(pk__in=found).values_list("pk", "object_id"))
    return [ids[objects[pk]] for pk in found]


@pytest.mark.parametrize(("language", "text", "documents", "order"), CASES, ids=[c[1] for c in CASES])
def test_phrases_rank_above_scattered_words(language, text, documents, order):
    locale, ids = _store(language, documents)
    found = _ranked(get_index(), locale, ids, text, language)
    assert _grouped(found, order) == _tiers_of(order) and len(found) == len(ids), found


def test_the_tiers_of_a_query():
    names = [tier.name for tier in tiers(analysis.analyse_query("quyền trẻ em"))]
    assert names == ["exact phrase", "exact words", "phrase"]
    assert [tier.name for tier in tiers(analysis.analyse_query("quyen tre em"))] == ["phrase"]
    assert [tier.name for tier in tiers(analysis.analyse_query("quyền"))] == ["exact words"]
    assert tiers(analysis.analyse_query("quyen")) == []


def test_a_title_word_does_not_outrank_the_whole_phrase_in_a_long_body():
    """Title weight and length normalisation favour a short document with a word in its title;
    the phrase tier comes first whatever the scores."""
    documents = {
        "title": ("Trẻ em", "Quyền đi lại của em."),
        "long body": ("Tin tức", FILLER["vi"] * 40 + "Quyền trẻ em."),
    }
    locale, ids = _store("vi", documents)
    for text in ("quyền trẻ em", "quyen tre em", "QUYỀN TRẺ EM"):
        assert _ranked(get_index(), locale, ids, text, "vi")[0] == "long body", text


def test_the_phrase_tier_on_the_cluster(osmem_url, settings):
    """The same order from the Elasticsearch/OpenSearch query (osmem-server: request plumbing and
    phrase matching only; a real cluster's scores are not measured here)."""
    host = osmem_url.removeprefix("http://")
    settings.NHANQUYEN_SEARCH = components.site_search(f"opensearch://{host}/phrases")
    index = get_index()
    assert type(index) is not DatabaseIndex
    for language, text, documents, order in CASES:
        SearchDocument.objects.filter(object_id__gte=900_000_000).delete()
        index.create()
        locale, ids = _store(language, documents)
        index.refresh()
        request = SearchRequest(
            groups=analysis.analyse_query(text, english=language == "en"), locale_id=locale.pk
        )
        found = index.search(request).ids
        objects = dict(SearchDocument.objects.filter(pk__in=found).values_list("pk", "object_id"))
        found = [ids[objects[pk]] for pk in found if objects.get(pk) in ids]
        assert _grouped(found, order) == _tiers_of(order) and len(found) == len(ids), (text, found)
