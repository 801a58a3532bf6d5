"""Reports at scale: the admin report page, the targets table and the annual report.

python bench/reports_bench.py     # uses DATABASE_URL; build the database with bench/run_library.sh
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.timing import machine, measure, save  # noqa: E402
from library.models import ProductPage  # noqa: E402


def main():
    year = timezone.localdate().year - 3
    user, _ = get_user_model().objects.get_or_create(
        username="bench-reports", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)
    scenarios = [
        ("admin report, one year, all provinces", f"/admin/library/reports/?year={year}"),
        ("admin report, one province and year", f"/admin/library/reports/?year={year}&province=an-giang"),
        ("annual report (printable), province and year", f"/admin/library/reports/annual/an-giang/{year}/"),
        ("annual report (XLSX)", f"/admin/library/reports/annual/an-giang/{year}/xlsx/"),
        ("public province figures", "/vi/tinh-thanh/an-giang/figures/"),
    ]
    results = {"machine": machine(), "products": ProductPage.objects.count(), "scenarios": []}
    print(f"{connection.vendor}: {results['products']} products")
    for label, path in scenarios:
        row = measure(path, repeat=10, warmup=1, client=client)
        row["label"] = label
        results["scenarios"].append(row)
        print(f"| {label} | {row['p50_ms']} | {row['p95_ms']} | {row['queries']} |")
    print(save("reports", results))


if __name__ == "__main__":
    main()
