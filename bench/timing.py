"""Shared helpers for the benchmarks: time Django views in-process with the test client."""

import json
import platform
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext

RESULTS = Path(__file__).resolve().parent / "results"


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(path, *, repeat=40, warmup=3, client=None):
    """Time GET ``path`` ``repeat`` times after ``warmup`` requests; return ms percentiles and queries."""
    client = client or Client()
    for _ in range(warmup):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    timings = []
    for _ in range(repeat):
        reset_queries()
        started = time.perf_counter()
        response = client.get(path)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return {
        "path": path,
        "requests": repeat,
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
        "queries": len(queries.captured_queries),
    }


def _server_version():
    if connection.vendor == "sqlite":
        return connection.Database.sqlite_version
    return connection.pg_version


def machine():
    import os

    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "database": f"{connection.vendor} {_server_version()}",
    }


def save(name, payload):
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}-{connection.vendor}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
