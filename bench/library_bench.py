"""Library at scale: the public page with two facets selected, and the partner API list.

    python bench/library_bench.py            # uses DATABASE_URL (SQLite db.sqlite3 by default)

Run ``bench/run_library.sh`` to build a 100,000-product database on SQLite and PostgreSQL first.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")

import django

django.setup()

from django.db import connection  # noqa: E402

from bench.timing import machine, measure, save  # noqa: E402
from library.models import ProductPage  # noqa: E402

SCENARIOS = [
    ("library page, two facets", "/vi/library/?convention=crc&type=video"),
    ("library page, two facets incl. province", "/vi/library/?convention=cedaw&province=an-giang"),
    ("library page, no filter", "/vi/library/"),
    ("API list, first page", "/api/v1/products/"),
    ("API list, two facets", "/api/v1/products/?convention=crc&type=video"),
]


def main():
    products = ProductPage.objects.count()
    results = {"machine": machine(), "products": products, "scenarios": []}
    print(f"{connection.vendor}: {products} products")
    for label, path in SCENARIOS:
        row = measure(path)
        row["label"] = label
        results["scenarios"].append(row)
        print(f"| {label} | {row['p50_ms']} | {row['p95_ms']} | {row['queries']} |")
    print(save("library", results))


if __name__ == "__main__":
    main()
