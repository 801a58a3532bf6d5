"""The Redis cache, answering as an empty cache while Redis cannot be reached.

Everything the site keeps in the cache can be computed again: whole pages (``home.page_cache``),
the answers kept per content generation, the term index's stamp, routes, IIIF image sizes,
renditions Wagtail looks up, the partner API's rate counters. So when Redis is down, refusing
connections or too slow, this backend answers every operation the way Django's cache API answers
for a key that is not there (``get`` gives the default, ``add`` and ``touch`` False, ``incr`` raises
``ValueError``, writes do nothing) and the site goes on serving pages, uncached. Nothing else
changes: the same class with Redis up is Django's ``RedisCache``.

- **Fail fast.** After a failure no operation in the process tries Redis again for
  ``RETRY_SECONDS``; connecting and reading are bounded by short socket timeouts (``OPTIONS``
  may override them), so a Redis host that drops packets costs a request at most one timeout.
- **Logged once per interval.** The first failure logs an error naming the cause; later ones are
  counted and reported at most every ``LOG_SECONDS``; the recovery is logged with the outage's
  length.
- **Fresh after the outage.** Changes saved while Redis was down could not renew the shared stamps
  that make cached pages unreachable, and Redis may come back with the entries it held before. So
  the first process to reach Redis again after seeing it down sends ``cache_recovered``, on which
  ``home.page_cache`` starts a new generation and renews the term index's stamp.
- ``/readyz`` asks Redis itself (``check``), never the fallback, and answers 503 while it is down.

Configured by ``cms.settings.components.caches`` whenever ``REDIS_URL`` is set.
"""

import logging
import threading
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.dispatch import Signal

logger = logging.getLogger("cms.cache")
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
RETRY_SECONDS = 1.0
LOG_SECONDS = 60.0
SOCKET_DEFAULTS = {"socket_connect_timeout": 0.5, "socket_timeout": 1.0}
PROBE_KEY = "resilient-cache:probe"

#: Sent (``sender`` is the backend) when Redis answers again after an outage this process saw.
cache_recovered = Signal()


class Outage:
    """What one process knows about a Redis server being unreachable (shared by its threads, each
    of which has its own cache backend object)."""

    def __init__(self, location):
        self.location = location
        self.lock = threading.Lock()
        self.since = None  # monotonic time of the first failure of the current outage
        self.retry_at = 0.0
        self.logged_at = None
        self.unlogged = 0

    def skipping(self):
        """Whether to answer without trying Redis (the last failure is recent)."""
        return self.since is not None and time.monotonic() < self.retry_at

    def failed(self, error):
        now = time.monotonic()
        with self.lock:
            self.retry_at = now + RETRY_SECONDS
            if self.since is None:
                self.since, self.logged_at, self.unlogged = now, now, 0
                logger.error(
                    "cache unreachable (%s: %s): serving pages uncached; reported again at most every %d s",
                    type(error).__name__,
                    error,
                    LOG_SECONDS,
                )
            elif now - self.logged_at >= LOG_SECONDS:
                logger.error(
                    "cache still unreachable after %d s (%s: %s); %d operations answered as misses since "
                    "the last report",
                    now - self.since,
                    type(error).__name__,
                    error,
                    self.unlogged,
                )
                self.logged_at, self.unlogged = now, 0

    def skipped(self):
        with self.lock:
            self.unlogged += 1

    def succeeded(self):
        """Record a success; True for the first one after an outage."""
        if self.since is None:
            return False
        with self.lock:
            if self.since is None:
                return False
            lasted, self.since = time.monotonic() - self.since, None
        logger.warning("cache reachable again after %.1f s", lasted)
        return True


_outages = {}
_outages_lock = threading.Lock()


def outage_for(location):
    with _outages_lock:
        return _outages.setdefault(location, Outage(location))


class ResilientRedisCache(RedisCache):
    """Django's ``RedisCache`` that degrades to an empty cache while Redis is unreachable."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**SOCKET_DEFAULTS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)
        self.outage = outage_for(str(server))

    def _guarded(self, fallback, operation, *args, **kwargs):
        outage = self.outage
        if outage.since is not None:
            if outage.skipping():
                outage.skipped()
                return fallback()
            # Probe before the operation: after an outage, the stamps are renewed before anything
            # is read under them (a read would return what Redis held before the outage).
            try:
                super().has_key(PROBE_KEY)
            except UNREACHABLE as error:
                outage.failed(error)
                return fallback()
            if outage.succeeded():
                cache_recovered.send(sender=self)
        try:
            return operation(*args, **kwargs)
        except UNREACHABLE as error:
            outage.failed(error)
            return fallback()

    def check(self, key):
        """Write, read back and delete ``key`` in Redis itself, never the fallback (for
        ``/readyz``): raises while Redis is unreachable."""
        super().set(key, "1", 10)
        if super().get(key) != "1":
            raise RuntimeError("value written to the cache could not be read back")
        super().delete(key)
        if self.outage.succeeded():
            cache_recovered.send(sender=self)

    def get(self, key, default=None, version=None):
        return self._guarded(lambda: default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded(dict, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(lambda: False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded(lambda: False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._guarded(lambda: None, super().delete_many, keys, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unreachable)")

        return self._guarded(missing, super().incr, key, delta, version)

    def clear(self):
        return self._guarded(lambda: False, super().clear)
