"""Text analysis, without a database: the rules every backend relies on."""

import unicodedata

import pytest

from search import analysis, khmer


def terms(text, **kwargs):
    return analysis.analyse(text, **kwargs).terms


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("uỷ", "ủy"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("toà", "tòa"), ("quý", "qúy")],
)
def test_tone_placement_does_not_matter(old, new):
    assert analysis.latin_forms(old) == analysis.latin_forms(new)


def test_diacritics_fold_and_the_exact_form_keeps_them():
    assert analysis.latin_forms("Quyền") == ("quyen", "quye6n2")
    assert analysis.latin_forms("người") == ("nguoi", "ngu7o7i2")
    assert analysis.latin_forms("Đắk") == ("dak", "d9a8k1")
    assert analysis.latin_forms("con") == ("con", None)
    assert analysis.latin_forms("Quyến")[1] != analysis.latin_forms("quyền")[1]  # different words


def test_nfd_and_nfc_input_give_the_same_terms():
    text = "Quyền trẻ em được bảo vệ"
    assert terms(unicodedata.normalize("NFD", text)) == terms(text)


def test_english_stems_and_stop_words():
    assert analysis.analyse("Human rights", english=True).variants == ["human", "right"]
    assert "right" not in analysis.analyse("Human rights").variants  # vi and km are never stemmed
    groups = analysis.analyse_query("the rights of the child", english=True)
    assert [g.terms for g in groups] == [["rights", "right"], ["child"]]


def test_a_tone_typed_before_the_vowel_mark_gives_the_same_word():
    typed = "Quy" + "e\u0300\u0302" + "n tre\u0309 em"  # grave, then circumflex: no one letter
    assert analysis.analyse(typed).terms == analysis.analyse("Quyền trẻ em").terms == ["quyen", "tre", "em"]
    assert analysis.analyse(typed).variants == analysis.analyse("Quyền trẻ em").variants
    assert [g.exact for g in analysis.analyse_query(typed)] == [
        g.exact for g in analysis.analyse_query("quyền trẻ em")
    ]


def test_the_stem_is_snowball_s_and_leaves_irregular_plurals_alone():
    # "children" is not "child": the graded relevance set (tests/search/relevance_set.py) judges
    # "rights of the child" by its words, and a mapping of irregular plurals broke its order.
    assert analysis.analyse("Children", english=True).variants == ["children"]


def test_each_word_is_one_term_in_each_stream_so_phrases_line_up():
    analysed = analysis.analyse("Quyền trẻ em và CRC")
    assert analysed.terms == ["quyen", "tre", "em", "va", "crc"]
    assert analysed.variants == ["quye6n2", "tre3", "em", "va2", "crc"]
    khmer_text = analysis.analyse("សិទ្ធិកុមារ CRC")
    assert khmer_text.terms == khmer_text.variants and khmer_text.terms[-1] == "crc"


def test_texts_of_a_document_are_kept_apart_in_every_stream():
    """A phrase never runs from the title into the text, or from the text into the metadata."""
    fields = analysis.index_fields("Trẻ em", ["quyền", "AG-2025-000002"])
    assert fields["title_terms"] == "tre em"
    assert fields["body_terms"].split() == ["quyen", analysis.SEPARATOR, "ag", "2025", "000002"]
    assert fields["variant_terms"].split()[:4] == ["tre3", "em", analysis.SEPARATOR, "quye6n2"]
    assert analysis.analyse_query(analysis.SEPARATOR) == []


def test_the_phrase_of_a_query_keeps_stop_words_in_place():
    english = analysis.analyse_query("the rights of the child", english=True)
    assert analysis.phrases(english) == (["rights", "of", "the", "child"], ["right", "of", "the", "child"])
    assert analysis.phrases(analysis.analyse_query("quyền trẻ em")) == (
        ["quyen", "tre", "em"],
        ["quye6n2", "tre3", "em"],
    )
    assert analysis.phrases(analysis.analyse_query("quyen tre em")) == (["quyen", "tre", "em"], None)
    assert analysis.phrases(analysis.analyse_query("quyền")) is None


def test_khmer_spelling_variants_are_one():
    assert khmer.normalize("សេចក្តី") == khmer.normalize("សេចក្ដី")  # COENG TA / COENG DA
    assert khmer.normalize("ស្រ្តី") == "ស្ត្រី"  # subscript RO typed first
    assert khmer.normalize("សិទ្ធិ\u200bមនុស្ស") == "សិទ្ធិមនុស្ស"  # zero-width space
    assert khmer.normalize("\u17c1\u17b8") == "\u17be"  # split vowel sign


def test_khmer_is_segmented_into_words_and_syllables():
    analysed = analysis.analyse("សិទ្ធិកុមារ និងសិទ្ធិមនុស្ស")
    assert "កុមារ" in analysed.terms and "សិទ្ធិ" in analysed.terms
    assert analysed.syllables[:3] == ["សិ", "ទ្ធិ", "កុ"]


def test_folding_keeps_khmer_signs():
    """Stripping every combining mark would delete COENG (U+17D2) and break Khmer words."""
    assert "\u17d2" in "".join(terms("ស្ត្រី"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\" ' * : & | ! ( ) - NEAR AND OR",
        "\x00\x07\x1b",
        "\u0301\u0300\u0323",  # lone combining marks
        "\u17d2\u17b6\u17c6",  # Khmer signs only
        "\ufffd\ufffd",
    ],
)
def test_queries_with_nothing_to_search_for_have_no_groups(text):
    assert analysis.analyse_query(text) == [] or all(
        g.terms or g.phrase for g in analysis.analyse_query(text)
    )
    for group in analysis.analyse_query(text):
        assert all(term.replace(" ", "").isalnum() for term in group.terms)


def test_fts_syntax_is_just_words():
    groups = analysis.analyse_query('quyền AND "trẻ em" NEAR(x) OR -con*')
    assert [g.terms[0] for g in groups] == ["quyen", "and", "tre", "em", "near", "x", "or", "con"]


def test_long_queries_are_capped():
    groups = analysis.analyse_query("quyền " * 500)
    assert len(groups) == analysis.MAX_QUERY_GROUPS
    assert len(analysis.clean_query("a" * 2000)) == analysis.MAX_QUERY_CHARACTERS
