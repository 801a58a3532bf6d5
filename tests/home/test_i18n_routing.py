"""Locale-prefixed URLs, Accept-Language redirects, the language switcher and hreflang."""

import re

import pytest

from wagtail.models import Locale

from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("km-KH,km;q=0.9,en;q=0.5", "/km/"),
        ("en-US,en;q=0.9", "/en/"),
        ("vi", "/vi/"),
        ("fr-FR,fr;q=0.9", "/vi/"),
        ("", "/vi/"),
    ],
)
def test_root_redirects_by_accept_language(client, seeded, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/vi/gioi-thieu/", "vi", "Giới thiệu"),
        ("/en/about/", "en", "About the portal"),
        ("/km/about/", "km", "អំពីវិបផតថល"),
    ],
)
def test_pages_are_served_in_each_language_with_the_right_html_lang(client, seeded, path, lang, heading):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html


def test_hreflang_lists_every_existing_translation(client, seeded):
    html = client.get("/en/about/").content.decode()
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="(\w+)" href="http://testserver([^"]+)"', html)
    )
    assert alternates == {"vi": "/vi/gioi-thieu/", "en": "/en/about/", "km": "/km/about/"}


def test_switcher_links_to_the_same_page_in_other_languages(client, seeded):
    html = client.get("/vi/gioi-thieu/").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'href="/en/about/"' in switcher
    assert 'href="/km/about/"' in switcher
    assert 'href="/vi/gioi-thieu/" lang="vi" hreflang="vi" aria-current="true"' in switcher


def test_untranslated_page_links_other_languages_to_a_notice_and_has_no_false_hreflang(client, seeded):
    home = seeded.root_page
    page = StandardPage(
        title="Chỉ có tiếng Việt", slug="chi-tieng-viet", locale=Locale.objects.get(language_code="vi")
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/vi/chi-tieng-viet/").content.decode()
    assert re.findall(r'hreflang="(\w+)" href="http', html) == ["vi"]
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert f'href="/en/untranslated/{page.pk}/"' in switcher
    assert f'href="/km/untranslated/{page.pk}/"' in switcher
    notice = client.get(f"/en/untranslated/{page.pk}/").content.decode()
    assert 'href="/vi/chi-tieng-viet/"' in notice
    assert 'href="/en/"' in notice


def test_search_page_switcher_keeps_the_query(client, seeded):
    html = client.get("/vi/search/?q=quyen").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'href="/km/search/?q=quyen"' in switcher


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/vi/khong-co-trang-nay/", "Không tìm thấy trang"),
        ("/en/no-such-page/", "Page not found"),
        ("/km/no-such-page/", "រកមិនឃើញទំព័រ"),
        ("/km/about/deeper/still/", "រកមិនឃើញទំព័រ"),
    ],
)
def test_unknown_paths_get_a_styled_404_in_the_visitors_language(client, seeded, path, text):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert text in html
    assert 'href="/static/css/site.css"' in html
    assert 'class="skip-link"' in html


def test_unknown_locale_prefix_never_errors(client, seeded):
    response = client.get("/fr/about/", HTTP_ACCEPT_LANGUAGE="km", follow=True)
    assert response.status_code == 404
    assert "រកមិនឃើញទំព័រ" in response.content.decode()


def test_unpublished_page_is_a_404_and_not_listed(client, seeded):
    page = StandardPage.objects.get(slug="about", locale__language_code="en")
    page.unpublish()
    assert client.get("/en/about/").status_code == 404
    html = client.get("/en/").content.decode()
    assert "/en/about/" not in html
