"""The benchmark seeder writes rows the real pages, API and OAI read correctly."""

import io

import pytest

from django.core.management import call_command

from library.models import LibraryPage, ProductPage

pytestmark = pytest.mark.django_db


def test_seed_products_creates_valid_tree_and_tagged_records(client, seeded):
    before = ProductPage.objects.filter(locale__language_code="vi").count()
    call_command("seed_products", "150", stdout=io.StringIO())
    library = LibraryPage.objects.get(locale__language_code="vi")
    assert library.get_children().count() == library.numchild == before + 150
    synthetic = ProductPage.objects.filter(identifier__startswith="SY-")
    assert synthetic.count() == 150
    sample = synthetic.first()
    assert sample.conventions.exists() and sample.languages.exists() and sample.province_tags.exists()
    assert client.get(sample.url).status_code == 200
    body = client.get("/api/v1/products/?page_size=100").json()
    assert body["count"] == before + 150
    html = client.get("/vi/library/?type=video").content.decode()
    assert "SY-" in html
