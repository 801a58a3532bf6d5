import unicodedata

import pytest

from search.folding import fold, slugify_folded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bắc Giang", "bac giang"),
        ("bac giang", "bac giang"),
        ("BẮC  GIANG", "bac giang"),
        ("Đắk Lắk", "dak lak"),
        ("Hoà Bình", "hoa binh"),
        ("Hòa Bình", "hoa binh"),
        ("Quyền con người", "quyen con nguoi"),
        (unicodedata.normalize("NFD", "Quyền trẻ em"), "quyen tre em"),
        ("", ""),
    ],
)
def test_vietnamese_folds(text, expected):
    assert fold(text) == expected


def test_khmer_coeng_survives_folding():
    word = "សិទ្ធិមនុស្ស"
    assert fold(word) == word
    assert "\u17d2" in fold(word)


def test_slugs_are_ascii():
    assert slugify_folded("Đắk Lắk") == "dak-lak"
    assert slugify_folded("Thành phố Hồ Chí Minh!") == "thanh-pho-ho-chi-minh"
