"""Page types, the shared body blocks and the accessible base layout."""

import pytest

from django.core.exceptions import ValidationError

from wagtail.models import Locale

from home.blocks import BodyBlock, CallToActionBlock
from home.demo import poster_image
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_every_body_block_renders_on_a_page(client, seeded):
    image = poster_image("Ảnh kiểm thử", "Ảnh kiểm thử", seed=7)
    home = HomePage.objects.get(locale__language_code="vi")
    page = StandardPage(
        title="Mọi khối",
        slug="moi-khoi",
        locale=Locale.objects.get(language_code="vi"),
        body=[
            ("heading", {"text": "Mục một", "level": "h2"}),
            ("heading", {"text": "Mục con", "level": "h3"}),
            ("paragraph", "<p>Đoạn <b>đậm</b>.</p>"),
            (
                "image",
                {"image": {"image": image, "alt_text": "Mô tả ảnh", "decorative": False}, "caption": "Chú"},
            ),
            ("quote", {"quote": "Trích", "attribution": "Ai đó"}),
            ("fact_box", {"title": "Số liệu", "body": "<p>7 công ước</p>"}),
            (
                "table",
                {
                    "data": [["Công ước", "Năm"], ["CRC", "1990"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Mốc",
                },
            ),
            ("call_to_action", {"text": "Xem", "page": home, "url": ""}),
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/vi/moi-khoi/").content.decode()
    assert "<h2>Mục một</h2>" in html and "<h3>Mục con</h3>" in html
    assert "Đoạn <b>đậm</b>" in html
    assert 'alt="Mô tả ảnh"' in html and "<picture>" in html and 'type="image/avif"' in html
    assert 'loading="lazy"' in html and "srcset=" in html
    assert "<blockquote><p>Trích</p></blockquote>" in html
    assert 'class="fact-box"' in html
    assert '<th scope="col">Công ước</th>' in html and "<caption>Mốc</caption>" in html
    assert 'class="button" href="/vi/"' in html


def test_call_to_action_needs_exactly_one_target():
    block = CallToActionBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "Go", "page": None, "url": ""}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "Go", "page": None, "url": "https://a.example"} | {"page": 1}))
    value = block.clean(block.to_python({"text": "Go", "page": None, "url": "https://a.example"}))
    assert value["url"] == "https://a.example"


def test_body_blocks_carry_editor_metadata():
    for name, child in BodyBlock().child_blocks.items():
        assert child.meta.icon, name
        assert child.meta.template, name
        assert getattr(child.meta, "description", ""), name


@pytest.mark.parametrize("path", ["/vi/", "/en/about/", "/km/contact/", "/vi/search/?q=quyen"])
def test_layout_is_accessible(client, seeded, path):
    html = client.get(path).content.decode()
    assert html.index('class="skip-link" href="#main"') < html.index("<header")
    for landmark in ("<header", "<main", "<footer", 'aria-label="'):
        assert landmark in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert html.count("<h1") == 1


def test_home_page_lists_menu_sections_in_its_language(client, seeded):
    html = client.get("/km/").content.decode()
    assert 'href="/km/about/"' in html and "អំពីវិបផតថល" in html
    assert "/vi/gioi-thieu/" not in html.split("<main")[1]


def test_search_finds_pages_in_the_current_language_only(client, seeded):
    html = client.get("/en/search/?q=editorial").content.decode()
    assert 'href="/en/contact/"' in html
    assert "/vi/lien-he/" not in html


@pytest.mark.parametrize("query", ["", "a" * 2000, '"', "quyền \x00 \u0301", "page"])
@pytest.mark.parametrize("page", ["abc", "-1", "999999", "0"])
def test_search_page_survives_bad_input(client, seeded, query, page):
    response = client.get("/vi/search/", {"q": query, "page": page})
    assert response.status_code == 200
