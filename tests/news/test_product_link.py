"""Articles link to library products with a block that never shows a draft product."""

import pytest

from library.models import ProductPage
from tests.factories import library, news

pytestmark = pytest.mark.django_db


def test_article_links_a_live_product_and_hides_an_unpublished_one(client, seeded):
    product = ProductPage.objects.get(
        locale__language_code="vi", slug="kich-truyen-thanh-quyen-duoc-den-truong"
    )
    draft = library.product(title="Sản phẩm nháp", publish=False)
    article = news.article(title="Bài có sản phẩm")
    article.body = [
        ("paragraph", "<p>Nghe vở kịch:</p>"),
        ("product", {"page": product, "note": "Phát trên sóng Đài tỉnh"}),
        ("product", {"page": draft, "note": ""}),
    ]
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert (
        f'href="{product.url}"' in html and product.identifier in html and "Phát trên sóng Đài tỉnh" in html
    )
    assert "Sản phẩm nháp" not in html
