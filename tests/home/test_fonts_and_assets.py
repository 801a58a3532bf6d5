"""Fonts and styles are self-hosted; the Khmer font is only fetched for Khmer characters."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CSS = (ROOT / "static" / "css" / "site.css").read_text(encoding="utf-8")
FACES = re.findall(r"@font-face\s*{(.*?)}", CSS, re.DOTALL)


def _ranges(face):
    spec = re.search(r"unicode-range:([^;]+);", face).group(1)
    ranges = []
    for part in spec.replace("\n", "").split(","):
        start, _, end = part.strip().removeprefix("U+").partition("-")
        ranges.append((int(start, 16), int(end or start, 16)))
    return ranges


def _covers(face, char):
    return any(lo <= ord(char) <= hi for lo, hi in _ranges(face))


def test_every_face_swaps_and_has_a_unicode_range_and_a_local_file():
    assert len(FACES) >= 3
    for face in FACES:
        assert "font-display: swap" in face
        assert "unicode-range" in face
        src = re.search(r'url\("([^"]+)"\)', face).group(1)
        assert not src.startswith(("http:", "https:", "//"))
        assert (ROOT / "static" / "css" / src).resolve().is_file(), src


def test_vietnamese_text_never_needs_the_khmer_face():
    khmer_faces = [face for face in FACES if '"Site Khmer"' in face]
    assert khmer_faces
    sample = "Quyền con người: Công ước về quyền trẻ em, Đắk Lắk, Thừa Thiên Huế — English too."
    for face in khmer_faces:
        assert not any(_covers(face, ch) for ch in sample)
        assert _covers(face, "ស") and _covers(face, "\u17d2")


def test_vietnamese_letters_are_covered_by_the_latin_faces():
    latin_faces = [face for face in FACES if "Site Sans" in face and "normal" in face]
    for char in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐƯƠ":
        assert any(_covers(face, char) for face in latin_faces), char


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in {"src", "href", "srcset", "action", "poster", "data"} and value:
                self.urls.extend(part.strip().split(" ")[0] for part in value.split(","))


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/vi/", "/en/about/", "/km/about/", "/km/search/?q=x", "/vi/no-such/"])
def test_pages_load_nothing_from_another_host(client, seeded, path):
    collector = _Collector()
    collector.feed(client.get(path).content.decode())
    assert collector.urls
    for url in collector.urls:
        assert not url.startswith("//"), url
        if url.startswith(("http://", "https://")):
            assert url.startswith("http://testserver/"), url
