"""Benchmarks: production-like (DEBUG off, real templates) on the local database, no throttling."""

from .dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
LIBRARY_API_ANONYMOUS_RATE = 10**9
LOGGING["root"]["level"] = "ERROR"  # noqa: F405
