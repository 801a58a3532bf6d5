"""Relevance on real Vietnamese, Khmer and English text: expected results are found (recall) and
rank at the top. The corpus is published as pages, so indexing runs as it does for editors."""

import unicodedata

import pytest

from wagtail.models import Locale

from home.models import HomePage, StandardPage
from search import analysis
from search.backends import SearchRequest, get_index
from search.models import SearchDocument

CORPUS = {
    "vi": {
        "V1": ("Quyền trẻ em trong gia đình",
               "Trẻ em có quyền được chăm sóc, giáo dục và bảo vệ khỏi mọi hình thức bạo lực. "
               "Gia đình, nhà trường và xã hội có trách nhiệm bảo đảm quyền của trẻ em."),
        "V2": ("Hòa giải ở cơ sở",
               "Tổ hòa giải giúp người dân giải quyết mâu thuẫn, giữ hoà thuận trong cộng đồng "
               "và tôn trọng quyền con người."),
        "V3": ("Kế hoạch tuyên truyền năm 2026",
               "Uỷ ban nhân dân tỉnh ban hành kế hoạch tuyên truyền về quyền con người năm 2026."),
        "V4": ("Sức quyến rũ của lễ hội Ok Om Bok",
               "Lễ hội của đồng bào Khmer có sức quyến rũ đặc biệt với du khách."),
        "V5": ("Đắk Lắk phổ biến pháp luật cho đồng bào",
               "Đồng bào Ê Đê được phổ biến pháp luật bằng tiếng mẹ đẻ."),
        "V6": ("Người khuyết tật được hỗ trợ học nghề",
               "Công ước về quyền của người khuyết tật yêu cầu bảo đảm cơ hội việc làm bình đẳng."),
        "V7": ("Phòng, chống tra tấn", "Việt Nam là thành viên Công ước chống tra tấn từ năm 2015."),
    },
    "km": {
        "K1": ("សិទ្ធិកុមារ",
               "កុមារគ្រប់រូបមានសិទ្ធិទទួលការអប់រំដោយឥតគិតថ្លៃ។ "
               "រដ្ឋត្រូវការពារកុមារពីអំពើហិង្សា"
               "និងការកេងប្រវ័ញ្ច។"),
        "K2": ("សមភាពយេនឌ័រ", "ស្រ្តីនិងបុរសមានសិទ្ធិស្មើគ្នាក្នុងការងារនិងក្នុងគ្រួសារ។"),  # ស្រ្តី: a common misspelling
        "K3": ("ព័ត៌មានជាភាសាខ្មែរ", "ខេត្ត\u200bអានយ៉ាង\u200bផ្សព្វផ្សាយ\u200bព័ត៌មាន\u200bជា\u200bភាសា"
               "\u200bខ្មែរ\u200bតាម\u200bវិទ្យុ\u200bនិង\u200bទូរទស្សន៍។"),  # zero-width spaces between words
        "K4": ("អនុសញ្ញាស្ដីពីសិទ្ធិកុមារ", "ប្រទេសវៀតណាមបានផ្ដល់សច្ចាប័នលើអនុសញ្ញាស្ដីពីសិទ្ធិកុមារនៅឆ្នាំ"
               "១៩៩០។"),
        "K5": ("ការហាមឃាត់ទារុណកម្ម", "គ្មាននរណាម្នាក់ត្រូវរងការធ្វើទារុណកម្មឡើយ។"),
        "K6": ("សេចក្ដីប្រកាសជាសកល", "អង្គការសហប្រជាជាតិបានអនុម័តសេចក្ដីប្រកាសជាសកលស្ដីពីសិទ្ធិមនុស្ស។"),
    },
    "en": {
        "E1": ("Rights of persons with disabilities", "The Convention on the Rights of Persons with "
               "Disabilities protects the right to work and to inclusive education."),
        "E2": ("Children's rights in the Mekong Delta", "Every child has the right to education. Provinces "
               "report on the protection of children."),
        "E3": ("Torture prevention", "Viet Nam ratified the Convention against Torture in 2015."),
    },
}  # fmt: skip

CASES = [
    # (language, query, expected in the top results, how many top results, must rank last or be absent)
    ("vi", "quyen tre em", ["V1"], 1, None),
    ("vi", "quyền trẻ em", ["V1"], 1, None),
    ("vi", unicodedata.normalize("NFD", "quyền trẻ em"), ["V1"], 1, None),
    ("vi", "QUYỀN TRẺ EM", ["V1"], 1, None),
    ("vi", "hoà giải", ["V2"], 1, None),
    ("vi", "hòa giải", ["V2"], 1, None),
    ("vi", "ủy ban", ["V3"], 1, None),
    ("vi", "uỷ ban", ["V3"], 1, None),
    ("vi", "quyền", ["V1", "V2", "V3", "V6"], 4, "V4"),
    ("vi", "quyen", ["V1", "V2", "V3", "V4", "V6"], 5, None),
    ("vi", "dak lak", ["V5"], 1, None),
    ("vi", "Đắk Lắk", ["V5"], 1, None),
    ("vi", "dac lak", [], 0, "V5"),
    ("vi", "nguoi khuyet tat", ["V6"], 1, None),
    ("vi", "tra tấn", ["V7"], 1, None),
    ("km", "កុមារ", ["K1", "K4"], 2, None),
    ("km", "ស្ត្រី", ["K2"], 1, None),
    ("km", "ព័ត៌មាន", ["K3"], 1, None),
    ("km", "ស្តីពី", ["K4", "K6"], 2, None),
    ("km", "ការពារ", ["K1"], 1, None),
    ("km", "ទារុណកម្ម", ["K5"], 1, None),
    ("km", "សិទ្ធិមនុស្ស", ["K6"], 1, None),
    ("km", "សិទ្ធិ\u200bកុមារ", ["K1", "K4"], 2, None),
    ("km", "ថ្លៃ", ["K1"], 1, None),
    ("en", "right to education", ["E1", "E2"], 2, None),
    ("en", "disability", ["E1"], 1, None),
    ("en", "torture", ["E3"], 1, None),
    ("en", "children", ["E2"], 1, None),
    ("en", "the rights of the child", ["E2"], 1, None),
]


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The corpus as published pages (committed, so every test sees them), removed afterwards."""
    with django_db_blocker.unblock():
        pages = {}
        for language, documents in CORPUS.items():
            home = HomePage.objects.get(locale__language_code=language)
            parent = StandardPage(title=f"Relevance corpus {language}", slug=f"relevance-corpus-{language}")
            home.add_child(instance=parent)
            for key, (title, body) in documents.items():
                page = StandardPage(title=title, slug=key.lower(), intro=body)
                parent.add_child(instance=page)
                page.save_revision().publish()
                pages[key] = page.pk
            pages[language] = parent
        yield pages
        for language in CORPUS:
            pages[language].delete()


def _search(corpus, language, query, locale_id="same"):
    locale = Locale.objects.get(language_code=language)
    keys = {pk: key for key, pk in corpus.items() if isinstance(pk, int)}
    groups = analysis.analyse_query(query, english=language == "en")
    request = SearchRequest(
        groups=groups,
        locale_id=locale.pk if locale_id == "same" else locale_id,
        object_filter=(", ".join(["%s"] * len(keys)), list(keys)),
        limit=20,
    )
    ids = get_index().search(request).ids
    objects = dict(SearchDocument.objects.filter(pk__in=ids).values_list("pk", "object_id"))
    return [keys[objects[pk]] for pk in ids]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "query", "expected", "top", "last"), CASES, ids=[c[1] for c in CASES])
def test_expected_results_are_found_and_rank_first(corpus, language, query, expected, top, last):
    found = _search(corpus, language, query)
    assert set(expected) <= set(found), f"recall: {query!r} found {found}"
    assert set(found[:top]) == set(expected), f"rank: {query!r} found {found}"
    if last:
        assert last not in found[:top] and (last not in found or found[-1] == last)


@pytest.mark.django_db
def test_results_stay_in_the_readers_language_unless_asked_for_all(corpus):
    assert _search(corpus, "km", "quyen") == []
    assert _search(corpus, "vi", "torture") == []
    everywhere = _search(corpus, "en", "2015", locale_id=None)
    assert set(everywhere) == {"V7", "E3"}
