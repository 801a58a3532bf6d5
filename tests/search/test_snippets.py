"""Snippets: built from text normalised as the index is, cut on word and cluster boundaries in
every normalisation form, whole words marked, the reader's diacritics first; metadata and attached
files shown apart from what the authors wrote; no input breaks them."""

import html
import re
import unicodedata
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from django.utils.translation import override

from wagtail.models import Locale

from exhibitions.models import ExhibitionItem
from home.models import HomePage, StandardPage
from library.models import ProductPage
from search import analysis, highlight, khmer, query, sources
from search.models import SearchDocument
from tests.factories import library as library_factory

COENG = "\u17d2"
MARK = re.compile(r"<mark>(.*?)</mark>")


def nfd(text):
    return unicodedata.normalize("NFD", text)


def legacy(text):
    """Vietnamese as older documents have it: each vowel precomposed with its vowel mark (â, ơ,
    ư...), the tone as a separate combining character after it (neither NFC nor NFD)."""
    tones = set(analysis.TONES)
    out = []
    for character in text:
        parts = unicodedata.normalize("NFD", character)
        tone = "".join(part for part in parts if part in tones)
        base = unicodedata.normalize("NFC", "".join(part for part in parts if part not in tones))
        out.append(base + tone)
    return "".join(out)


FORMS = {"nfc": lambda text: text, "nfd": nfd, "legacy": legacy}


def snip(text, q, *, english=False, length=highlight.LENGTH):
    return str(
        highlight.snippet(text, analysis.analyse_query(q, english=english), english=english, length=length)
    )


def marked(snippet):
    return MARK.findall(snippet)


def plain(snippet):
    """The visible text of a snippet, without marks and ellipses."""
    text = html.unescape(re.sub(r"</?mark>", "", snippet))
    return text.removeprefix("… ").removesuffix(" …")


def is_mark(character):
    return unicodedata.category(character)[0] == "M"


# --- normalisation forms ------------------------------------------------------------------------

VIETNAMESE = "Nhiều trẻ em bị cưỡng ép lao động trong các cơ sở sản xuất, trái với quyền của trẻ em."


def test_the_legacy_form_is_neither_nfc_nor_nfd():
    text = legacy(VIETNAMESE)
    assert text != VIETNAMESE and text != nfd(VIETNAMESE)
    assert "ô\u0323" in text and "ơ\u0303" in text  # động, cưỡng


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("cưỡng", ["cưỡng"]),
        ("động", ["động"]),
        ("dong", ["động"]),  # without diacritics: every spelling
        ("bị", ["bị"]),
        ("trẻ em", ["trẻ em", "trẻ em"]),  # neighbouring matches marked as one
        ("quyen", ["quyền"]),
    ],
)
def test_vietnamese_in_every_form_is_marked_as_whole_words(form, typed, words):
    text = FORMS[form](VIETNAMESE)
    for query_form in FORMS.values():
        snippet = snip(text, query_form(typed))
        assert marked(snippet) == words, (form, snippet)
        assert unicodedata.is_normalized("NFC", snippet)  # shown as the index reads it
        assert plain(snippet) == VIETNAMESE


@pytest.mark.parametrize("form", FORMS)
def test_a_tone_mark_never_splits_a_word(form):
    text = FORMS[form]("Người dân bị ảnh hưởng. Đồng bào được hỗ trợ.")
    snippet = snip(text, "dan duoc")
    assert marked(snippet) == ["dân", "được"]
    assert "̣" not in snippet and all(not is_mark(piece[0]) for piece in snippet.split("</mark>")[1:])


def test_exact_diacritics_are_marked_over_folded_ones_and_the_window_centres_on_them():
    text = (
        "Thân phận người lao động di cư. " * 12 + "Sức khỏe thần kinh của người lao động. " + "Than đá. " * 12
    )
    snippet = snip(text, "thần", length=80)
    assert marked(snippet) == ["thần"]
    shown = plain(snippet)
    assert abs(shown.index("thần") + 2 - len(shown) // 2) < 25  # centred
    # Only where the text has no exact form: every word that folds alike.
    assert marked(snip("Thân phận người lao động. Than đá.", "thần")) == ["Thân", "Than"]
    # Typed without diacritics: every form.
    assert marked(snip("Thân phận, thần kinh, than đá.", "than")) == ["Thân", "thần", "than"]


@pytest.mark.parametrize("form", FORMS)
def test_exact_matches_in_every_form(form):
    text = FORMS[form]("Hòa bình và hoà giải; hóa học.")
    assert marked(snip(text, FORMS[form]("hoà"))) == ["Hòa", "hoà"]  # tone placement is not a difference
    assert marked(snip(text, "hoa")) == ["Hòa", "hoà", "hóa"]


@pytest.mark.parametrize("form", FORMS)
def test_english_stems_accents_and_whole_words(form):
    text = FORMS[form]("The rights of children in the café: a résumé of them, and their emergence.")
    snippet = snip(text, "right children", english=True)
    assert marked(snippet) == ["rights", "children"]
    assert marked(snip(text, "résumé cafe", english=True)) == ["café", "résumé"]
    assert marked(snip(text, "em", english=True)) == []  # never inside “them” or “emergence”


KHMER = "ក្រុមប្រឹក្សាសិទ្ធិមនុស្សបានអនុម័តសេចក្ដីសម្រេចស្ដីពីសិទ្ធិកុមារនៅក្នុងសម័យប្រជុំលើកទីហាសិប"


@pytest.mark.parametrize(
    "spelling",
    [
        lambda text: text,
        lambda text: nfd(text),
        lambda text: text.replace("សិទ្ធិ", "សិទ្ធិ\u200b"),  # zero-width spaces
        lambda text: text.replace(COENG + "\u178f", COENG + "\u178a"),  # COENG TA written as DA
        lambda text: text.replace("\u17be", "\u17c1\u17b8"),  # ើ split into េ + ី
    ],
)
def test_khmer_in_every_spelling_is_marked(spelling):
    text = spelling(KHMER)
    for typed in ("កុមារ", "ស្តីពី", "ស្ដីពី", "លើក", "សិទ្ធិកុមារ"):
        snippet = snip(text, typed)
        assert [khmer.normalize(word) for word in marked(snippet)] == [khmer.normalize(typed)], snippet
        assert plain(snippet) == highlight.normalise(KHMER)


def test_khmer_is_marked_on_syllable_boundaries_only():
    # ក alone is a syllable of ការ but not of ក្រុម (its subscript belongs to it).
    assert marked(snip("ក្រុម ការងារ", "ក")) == []
    assert marked(snip("សិទ្ធិ កុមារ", "សិទ្ធិកុមារ")) == ["សិទ្ធិ កុមារ"]  # typed without the space


def khmer_word_bounds(text):
    bounds = {0, len(text)}
    for start, end in khmer.runs(text):
        position = start
        for word in khmer.words(text[start:end]):
            position = text.index(word, position)
            bounds.update((position, position + len(word)))
            position += len(word)
    return bounds


@pytest.mark.parametrize("length", [20, 33, 40, 57, 80])
def test_long_khmer_without_spaces_is_cut_between_words(length):
    text = KHMER * 4
    for typed in ("កុមារ", "សម័យ", "ហាសិប"):
        part = highlight.excerpt(text, analysis.analyse_query(typed), length=length)
        assert part.start > 0 or part.end < len(part.text)
        bounds = khmer_word_bounds(part.text)
        assert part.start in bounds and part.end in bounds, (typed, length, part.shown)
        assert typed in part.shown


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("length", range(10, 60, 7))
def test_windows_never_cut_between_a_letter_and_its_mark(form, length):
    text = FORMS[form]("ngườiđượcđộngviên" * 20 + " quyền " + "thuỷnghiệmữứ" * 20)
    for typed in ("quyền", "zzz"):
        part = highlight.excerpt(text, analysis.analyse_query(typed), length=length)
        for cut in (part.start, part.end):
            assert cut in (0, len(part.text)) or not is_mark(part.text[cut])


def test_text_without_matches_starts_at_the_beginning_and_ends_on_a_word():
    snippet = snip("Một hai ba bốn năm sáu bảy tám chín mười " * 5, "", length=30)
    assert snippet.startswith("Một hai") and snippet.endswith(" …") and not marked(snippet)
    assert plain(snippet).split()[-1] in {
        "Một",
        "hai",
        "ba",
        "bốn",
        "năm",
        "sáu",
        "bảy",
        "tám",
        "chín",
        "mười",
    }


def test_control_characters_and_markup_are_safe():
    snippet = snip("<script>alert(1)</script>\x00\x07 quyền & <b>trẻ em</b>", "quyen")
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet
    assert marked(snippet) == ["quyền"] and "\x00" not in snippet


# --- anything at all ------------------------------------------------------------------------------

VOCABULARY_WORDS = ["quyền", "Quyền", "QUYÊN", "hoà", "hòa", "đồng", "Đồng", "thuỷ", "thủy", "dong"]
ALPHABET = st.one_of(
    st.sampled_from(list("aăâeêioôơuưyđAĐ hn,.-'")),
    st.sampled_from([chr(c) for c in range(0x300, 0x370)]),  # Latin combining marks
    st.sampled_from([chr(c) for c in range(0x1780, 0x17FA)] + [COENG] * 8),  # Khmer
    st.sampled_from(list("\u200b\u200c\u200d\ufeff\x00\x1b\x7f\x85\u2028\u202e\ufffd")),
    st.sampled_from(list("Å각가각🇻🇳👍🏽👨‍👩‍👧\u0915\u094d\u0937ا")),
    st.characters(),
)
TEXTS = st.text(ALPHABET, max_size=400)
QUERIES = st.text(ALPHABET, max_size=60)


def boundary(text, index):
    """Independent of the implementation: never before a mark, after a ZWJ, or between a COENG
    and the Khmer letter after it."""
    if index in (0, len(text)):
        return True
    before, after = text[index - 1], text[index]
    return not is_mark(after) and before != "\u200d" and not (before == COENG and khmer.has_khmer(after))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, typed=QUERIES, length=st.integers(min_value=1, max_value=300), english=st.booleans())
@example(text="\u0301" * 50, typed="\u0301\u0300", length=5, english=False)
@example(text=COENG * 40 + "ក", typed=COENG + "\u17b6", length=3, english=False)
@example(text="a" * 5000, typed="a" * 200, length=10, english=True)
def test_any_text_and_query_give_a_well_formed_snippet(text, typed, length, english):
    groups = analysis.analyse_query(typed, english=english)
    part = highlight.excerpt(text, groups, english=english, length=length)
    snippet = str(highlight.render(part))
    normalised = highlight.normalise(text)
    assert part.text == normalised
    assert 0 <= part.start <= part.end <= len(normalised)
    assert boundary(normalised, part.start) and boundary(normalised, part.end)
    assert snippet.count("<mark>") == snippet.count("</mark>") == len(part.spans)
    assert "<mark></mark>" not in snippet
    assert plain(snippet) in normalised
    for start, end in part.spans:
        assert part.start <= start < end <= part.end
        assert boundary(normalised, start) and boundary(normalised, end)
    assert not part.spans or part.matched
    assert re.sub(r"</?mark>", "", snippet).count("<") == 0  # everything else escaped


ENGLISH = ["happy", "happiness", "rights", "right", "children", "generous", "generously", "agreed", "news"]


def words_of(text):
    """Words as the index reads them, joined across combining marks (the slow way)."""
    current = None
    for match in re.finditer(r"[^\W_]+", text):
        start, end = match.span()
        if current and all(highlight._extends(character) for character in text[current[1] : start]):
            current[1] = end
            continue
        if current:
            yield with_marks(text, *current)
        current = [start, end]
    if current:
        yield with_marks(text, *current)


def with_marks(text, start, end):
    while end < len(text) and highlight._extends(text[end]):
        end += 1
    return start, end


def every_word(text, groups, english):
    """What reading every word of the text with the index's analysis marks (the slow way)."""
    found = set()
    for number, group in enumerate(groups):
        if group.phrase:
            continue
        exact, folded = [], []
        for start, end in words_of(text):
            word = text[start:end]
            if khmer.has_khmer(word):
                continue
            word_folded, word_exact = analysis.latin_forms(word)
            forms = {word_folded, word_exact, analysis.stem(word_folded) if english else None}
            if group.exact and word_exact == group.exact:
                exact.append((start, end))
            elif forms & set(group.terms):
                folded.append((start, end))
        found |= {(number, *highlight._whole(text, start, end)) for start, end in exact or folded}
    return found


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(TEXTS, st.lists(st.sampled_from(ENGLISH + VOCABULARY_WORDS), max_size=30).map(" ".join)),
    typed=st.one_of(QUERIES, st.sampled_from(ENGLISH + VOCABULARY_WORDS)),
    english=st.booleans(),
)
def test_the_quick_search_for_words_marks_what_reading_every_word_marks(text, typed, english):
    text = highlight.normalise(text)
    groups = [group for group in analysis.analyse_query(typed, english=english) if not group.phrase]
    quick = {(match.group, match.start, match.end) for match in highlight._matches(text, groups, english)}
    assert quick == every_word(text, groups, english)


VOCABULARY = ["quyền", "trẻ", "em", "được", "bảo", "vệ", "người", "khuyết", "tật", "thuỷ", "hoà", "đồng"]


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=80),
    forms=st.lists(st.sampled_from(sorted(FORMS)), min_size=80, max_size=80),
    chosen=st.integers(min_value=0, max_value=79),
    length=st.integers(min_value=20, max_value=240),
)
def test_a_word_of_the_text_is_always_marked_when_typed(words, forms, chosen, length):
    text = " ".join(FORMS[form](word) for word, form in zip(words, forms, strict=False))
    typed = words[chosen % len(words)]
    snippet = snip(text, FORMS[forms[chosen]](typed), length=length)
    assert marked(snippet) and all(
        analysis.latin_forms(word)[0] == analysis.latin_forms(typed)[0]
        for words_marked in marked(snippet)
        for word in words_marked.split(" ")
    )


# --- metadata and attached files ------------------------------------------------------------------


def document_of(instance):
    return SearchDocument.objects.get(
        content_type__model=type(instance)._meta.model_name, object_id=instance.pk
    )


@pytest.mark.django_db
def test_a_products_identifier_type_and_tags_are_metadata_not_text(seeded):
    product = library_factory.product(
        title="Sổ tay truyền thông về quyền trẻ em",
        product_type="book",
        conventions=["CRC"],
        description="<p>Hướng dẫn phóng viên viết về trẻ em.</p>",
    )
    document = document_of(product)
    assert document.text == "Hướng dẫn phóng viên viết về trẻ em."
    keys = dict(document.metadata)
    assert keys["identifier"] == product.identifier and keys["type"] == "Sách"
    assert keys["convention"].startswith("CRC – ") and keys["producer"]
    vi = Locale.objects.get(language_code="vi")
    # Still found by every one of them.
    for typed in (product.identifier, "CRC", keys["producer"]):
        found = query.search(typed, locale=vi, kinds=["product"]).documents
        assert product.title in [d.title for d in found], typed


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "identifier_label", "type_label", "type_name"),
    [
        ("vi", "Mã định danh: ", "Loại: ", "Sách"),
        ("en", "Identifier: ", "Type: ", "Book"),
        ("km", "អត្តសញ្ញាណ៖ ", "ប្រភេទ៖ ", "សៀវភៅ"),
    ],
)
def test_the_results_page_shows_metadata_labelled_in_the_readers_language(
    client, seeded, language, identifier_label, type_label, type_name
):
    product = library_factory.product(
        language=language,
        title=f"Handbook {language} zqxhandbook",
        product_type="book",
        description="<p>zqxhandbook.</p>",
    )
    page = client.get(f"/{language}/search/", {"q": product.identifier}).content.decode()
    result = page[page.index('<li class="result">') :]
    result = result[: result.index("</li>")]
    snippet = re.search(r'<p class="result__snippet"[^>]*>(.*?)</p>', result).group(1)
    assert product.identifier not in plain(snippet) and type_name not in snippet
    facts = re.search(r'<p class="meta result__metadata">(.*?)</p>', result).group(1)
    assert identifier_label in facts and f"{type_label}{type_name}" in facts
    assert " · " in facts and marked(facts)  # the identifier's parts are what matched
    # Another language's document: its values keep their language, the labels are the reader's.
    if language != "en":
        everywhere = client.get("/en/search/", {"q": product.identifier, "scope": "all"}).content.decode()
        assert "Identifier: " in everywhere and f'<span lang="{language}">' in everywhere


@pytest.mark.django_db
def test_an_exhibition_items_place_creator_and_source_are_metadata(seeded):
    item = ExhibitionItem.objects.filter(locale__language_code="vi", live=True).exclude(place="").first()
    document = document_of(item)
    assert item.place not in document.text or item.place in (item.caption + item.transcription)
    assert ["place", item.place] in document.metadata
    vi = Locale.objects.get(language_code="vi")
    results = query.search(item.place, locale=vi, kinds=["item"]).documents
    shown = next(d for d in results if d.object_id == item.pk)
    assert shown.metadata_shown[0].key == "place" and "<mark>" in shown.metadata_shown[0].value
    with override("vi"):
        assert str(shown.metadata_shown[0].label) == "Địa điểm"  # in the reader's language
    with override("km"):
        assert str(shown.metadata_shown[0].label) == "ទីកន្លែង"
    assert item.place not in plain(shown.snippet) or item.place in item.caption + item.transcription


@pytest.mark.django_db
def test_tag_names_are_no_longer_inside_the_text_of_any_document(seeded):
    for document in SearchDocument.objects.filter(kind__in=["product", "article", "item"]).exclude(
        metadata=None
    ):
        for key, value in document.metadata:
            assert key in sources.METADATA
            if key in ("identifier", "type"):
                assert not document.text.endswith(value)


@pytest.mark.django_db
def test_words_found_only_in_an_attached_file_are_shown_from_it(client, seeded):
    body = "Phụ lục. " * 40 + "Báo cáo khảo sát về lao động trẻ em ở vùng zqxmien núi. " + "Kết luận. " * 40
    with mock.patch.object(
        ProductPage, "search_attachments", create=True, new=lambda self: [("bao-cao-khao-sat.pdf", body)]
    ):
        product = library_factory.product(title="Báo cáo thường niên", description="<p>Tóm tắt báo cáo.</p>")
    document = document_of(product)
    assert document.attachments == [["bao-cao-khao-sat.pdf", body]]
    page = client.get("/vi/search/", {"q": "zqxmien"}).content.decode()
    assert "Từ tệp đính kèm “bao-cao-khao-sat.pdf”" in page
    assert "<mark>zqxmien</mark>" in page and "Phụ lục. Phụ lục." in page
    # Words in the page's own text: the snippet is from it, and says nothing about files.
    page = client.get("/vi/search/", {"q": "tóm tắt"}).content.decode()
    assert "<mark>Tóm tắt</mark> báo cáo." in page and "Từ tệp đính kèm" not in page
    en = client.get("/en/search/", {"q": "zqxmien", "scope": "all"}).content.decode()
    assert "From the attached file «bao-cao-khao-sat.pdf»" in en


@pytest.mark.django_db
def test_a_page_with_legacy_vietnamese_is_highlighted(client, seeded):
    home = HomePage.objects.get(locale__language_code="vi")
    page = StandardPage(
        title="Thông báo tuyển dụng", slug="thong-bao-legacy", intro=legacy("Trẻ em bị cưỡng ép lao động.")
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    html_page = client.get("/vi/search/", {"q": "cưỡng ép"}).content.decode()
    assert "<mark>cưỡng ép</mark>" in html_page
    assert "<mark>lao</mark>" not in html_page


HOSTILE = [
    "\u0301" * 300,
    "quyền\u0301\u0301\u0323 trẻ\x00em",
    "a\u0301" * 500,
    COENG * 80,
    "\u200b\u200d\ufeff\u202equyền",
    "កុមារ quyền children مرحبا 👨‍👩‍👧 🇻🇳 가",
    "ក" + COENG + "\u0301" + "\u17b6" * 20,
    "AG-2025-000002 " * 40,
]


@pytest.mark.django_db
@pytest.mark.parametrize("typed", HOSTILE)
@pytest.mark.parametrize("language", ["vi", "en", "km"])
def test_hostile_queries_give_a_results_page(client, seeded, typed, language):
    for scope in ("", "all"):
        response = client.get(f"/{language}/search/", {"q": typed, "scope": scope})
        assert response.status_code == 200
