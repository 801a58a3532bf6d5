"""Every public page type of the seeded demo, in vi, en and km, as the Nu HTML Checker (v.Nu, the
W3C's validator: npm ``vnu-jar``, run with the machine's java) reads it: no error. The checker starts
once: the pages are written to a folder and checked in one run (about 2 s for 70 pages).

Without java, the rules v.Nu and axe once found broken are checked here too: each width once in a
``srcset``, no ``<details>`` as a child of ``<figure>``, no two landmarks with one role and name."""

import json
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java") or "/usr/bin/java"
LANGUAGES = ("vi", "en", "km")
SEARCH_TERMS = {"vi": "quyền", "en": "rights", "km": "សិទ្ធិ"}
NO_HITS = "zzqxjvw"


def _first(queryset, language):
    return queryset.live().public().filter(locale__language_code=language).order_by("path").first()


def public_pages():
    """``[(name, path)]``: one page of each public type per language, with the listings' filters and
    second pages, search with and without hits, the 404 page and the untranslated notice."""
    from wagtail.models import Page

    from exhibitions.models import ExhibitionIndexPage, ExhibitionPage
    from home import provinces
    from home.models import (
        ConventionIndexPage,
        ConventionPage,
        HomePage,
        ProvinceIndexPage,
        StandardPage,
    )
    from library.models import LibraryPage, ProductPage
    from news.models import ArticleIndexPage, ArticlePage
    from plans.models import CalendarPage, QuizPage

    pages = []
    for language in LANGUAGES:

        def add(name, path, language=language):
            pages.append((f"{language}/{name}", path))

        def add_page(name, model, language=language):
            page = _first(model.objects, language)
            assert page is not None, f"no public {model.__name__} in {language}"
            add(name, page.url)
            return page

        add_page("home", HomePage)
        add_page("standard", StandardPage)
        news = add_page("news-index", ArticleIndexPage)
        add("news-index-filtered", f"{news.url}?convention=crc&province=an-giang")
        add("news-index-page-2", f"{news.url}?page=2")
        add_page("article", ArticlePage)
        library = add_page("library", LibraryPage)
        add("library-filtered", f"{library.url}?convention=crc&province=an-giang")
        add("library-page-2", f"{library.url}?page=2")
        add_page("product", ProductPage)
        add_page("convention-index", ConventionIndexPage)
        add_page("convention", ConventionPage)
        directory = add_page("province-directory", ProvinceIndexPage)
        unit = (
            provinces.for_locale(directory.locale).filter(valid_until__isnull=True).order_by("slug").first()
        )
        add("province", directory.province_url(unit))
        add(
            "province-figures",
            directory.url + directory.reverse_subpage("figures", kwargs={"slug": unit.slug}),
        )
        add_page("exhibition-index", ExhibitionIndexPage)
        exhibition = add_page("exhibition", ExhibitionPage)
        item = next(iter(exhibition.shown_items().values()))
        add("exhibition-item", exhibition.item_url(item))
        for name, model in (("calendar", CalendarPage), ("quiz", QuizPage)):
            if _first(model.objects, language):
                add_page(name, model)
        with translation.override(language):
            search = reverse("search")
        add("search-hits", f"{search}?q={SEARCH_TERMS[language]}")
        add("search-no-hits", f"{search}?q={NO_HITS}")
        add("404", f"/{language}/khong-co-trang-nay/")
        translated = Page.objects.live().public().filter(locale__language_code=language)
        missing = (
            Page.objects.live()
            .public()
            .filter(depth__gt=2)
            .exclude(translation_key__in=translated.values("translation_key"))
            .order_by("path")
            .first()
        )
        if missing is not None:
            add("untranslated", f"/{language}/untranslated/{missing.pk}/")
    return pages


# What a page must show for its check to mean anything (a filter that matches nothing shows less).
SHOWS = {
    "news-index-filtered": 'class="article-card"',
    "news-index-page-2": 'class="article-card"',
    "library-filtered": 'class="product-card"',
    "library-page-2": 'class="product-card"',
    "search-hits": 'class="result"',
}


def fetch(client, pages):
    """``{name: html}``, asserting each page answers as it should (the 404 page with a 404)."""
    documents, wrong = {}, []
    for name, path in pages:
        response = client.get(path)
        kind = name.split("/", 1)[1]
        expected = 404 if kind == "404" else 200
        html = response.content.decode()
        if response.status_code != expected:
            wrong.append(f"{name} {path}: HTTP {response.status_code}")
        elif kind in SHOWS and SHOWS[kind] not in html:
            wrong.append(f"{name} {path}: no {SHOWS[kind]}")
        documents[name] = html
    assert not wrong, "\n".join(wrong)
    return documents


@pytest.fixture
def short_listings(monkeypatch):
    """Listings of 2 a page, so that the demo's few articles and products have a second page."""
    monkeypatch.setattr("news.models.PER_PAGE", 2)
    monkeypatch.setattr("library.views.PER_PAGE", 2)


def _file_name(name):
    return re.sub(r"[^a-z0-9]+", "-", name) + ".html"


def vnu(documents):
    """v.Nu's messages for each document, in one run of the checker: ``{name: [message]}``."""
    if not VNU_JAR.exists():
        pytest.fail(f"no {VNU_JAR}: run `make install` (npm ci)")
    if not Path(JAVA).exists():
        pytest.fail("no java: apt-get install -y default-jre-headless")
    folder = Path(tempfile.mkdtemp(prefix="vnu-"))
    try:
        for name, html in documents.items():
            (folder / _file_name(name)).write_text(html, encoding="utf-8")
        result = subprocess.run(
            [JAVA, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", "--stdout", str(folder)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert result.returncode == 0, result.stderr
    names = {_file_name(name): name for name in documents}
    messages = defaultdict(list)
    for message in json.loads(result.stdout)["messages"]:
        file_name = Path(urlparse(message.get("url", "")).path).name
        messages[names.get(file_name, message.get("url", "(no document)"))].append(message)
    return messages


def is_failure(message):
    """Errors, fatal ones too, and documents the checker could not read; info and warnings pass."""
    return message.get("type") in ("error", "non-document-error")


def describe(name, path, message):
    line = message.get("lastLine", message.get("firstLine", "?"))
    column = message.get("firstColumn", message.get("lastColumn", "?"))
    subtype = f"/{message['subType']}" if message.get("subType") else ""
    extract = " ".join((message.get("extract") or "").split())[:160]
    return (
        f"{name} {path} line {line}:{column} [{message['type']}{subtype}] {message['message']}\n    {extract}"
    )


def test_every_public_page_type_is_valid_html(client, seeded, short_listings, capsys):
    started = time.monotonic()
    pages = public_pages()
    documents = fetch(client, pages)
    messages = vnu(documents)
    paths = dict(pages)
    errors = [
        describe(name, paths.get(name, ""), message)
        for name, found in messages.items()
        for message in found
        if is_failure(message) or name not in documents
    ]
    passing = sum(not is_failure(message) for found in messages.values() for message in found)
    seconds = time.monotonic() - started
    with capsys.disabled():
        print(
            f"\nv.Nu checked {len(documents)} pages in {seconds:.1f} s: {len(errors)} errors, {passing} notes"
        )
    assert not errors, f"{len(errors)} errors in {len(documents)} pages:\n" + "\n".join(errors)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LANDMARK_ELEMENTS = {"main": "main", "nav": "navigation", "aside": "complementary", "search": "search"}
LANDMARK_ROLES = {"banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"}
SECTIONING = {"article", "aside", "main", "nav", "section"}


class Outline(HTMLParser):
    """What a page's markup says about its srcsets, its figures and its landmarks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open = []  # (tag, attrs) of the elements open at this point
        self.text = defaultdict(list)  # id -> its text
        self.landmarks = []  # (role, attrs)
        self.srcsets = []
        self.misplaced = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "details" and self.open and self.open[-1][0] == "figure":
            self.misplaced.append("<details> as a child of <figure>")
        if attrs.get("srcset"):
            self.srcsets.append(attrs["srcset"])
        role = attrs.get("role") or LANDMARK_ELEMENTS.get(tag)
        named = bool(attrs.get("aria-label") or attrs.get("aria-labelledby"))
        if tag == "section" and named:
            role = role or "region"
        if tag in ("header", "footer") and not any(open_tag in SECTIONING for open_tag, _ in self.open):
            role = role or {"header": "banner", "footer": "contentinfo"}[tag]
        if role in LANDMARK_ROLES and (named or role not in ("region", "form")):
            self.landmarks.append((role, attrs))
        if tag not in VOID:
            self.open.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        for _tag, attrs in self.open:
            if attrs.get("id"):
                self.text[attrs["id"]].append(data)

    def name(self, attrs):
        if attrs.get("aria-labelledby"):
            return " ".join(" ".join("".join(self.text[i]).split()) for i in attrs["aria-labelledby"].split())
        return " ".join((attrs.get("aria-label") or attrs.get("title") or "").split())


def problems_of(html):
    outline = Outline()
    outline.feed(html)
    outline.close()
    found = list(outline.misplaced)
    for srcset in outline.srcsets:
        descriptors = [candidate.split()[-1] for candidate in srcset.split(",") if len(candidate.split()) > 1]
        found += [f"srcset lists {d} twice: {srcset}" for d, n in Counter(descriptors).items() if n > 1]
    landmarks = Counter((role, outline.name(attrs)) for role, attrs in outline.landmarks)
    found += [f"{n} {role} landmarks named {name!r}" for (role, name), n in landmarks.items() if n > 1]
    return found


def test_srcsets_figures_and_landmark_names_of_every_public_page_type(client, seeded, short_listings):
    pages = public_pages()
    documents = fetch(client, pages)
    paths = dict(pages)
    found = [
        f"{name} {paths[name]}: {problem}"
        for name, html in documents.items()
        for problem in problems_of(html)
    ]
    assert not found, "\n".join(found)
