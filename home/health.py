"""Liveness (`/healthz`) and readiness (`/readyz`) probes for load balancers and orchestrators."""

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger("cms.health")


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    key = f"readyz:{uuid.uuid4().hex}"
    if hasattr(cache, "check"):  # home.resilient_cache answers misses while Redis is down: ask Redis
        cache.check(key)
        return
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("value written to the cache could not be read back")
    cache.delete(key)


def _storage():
    default_storage.exists("readyz-probe")


CHECKS = {"database": _database, "cache": _cache, "media_storage": _storage}


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    results, failed = {}, False
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # a probe reports every failure as a reason, never a 500
            failed = True
            results[name] = f"error: {error.__class__.__name__}: {error}"[:300]
            logger.warning("readiness check %s failed: %s", name, error)
        else:
            results[name] = "ok"
    return JsonResponse(
        {"status": "unavailable" if failed else "ok", "checks": results}, status=503 if failed else 200
    )
