"""CPU instructions per request, counted by valgrind's callgrind (repeatable on a shared machine).

    python bench/page_instructions.py PATH MODE REQUESTS     # run under callgrind by the script below

MODE is ``cached`` (page cache on, page already cached), ``warm`` (page cache off, the
per-generation answers kept), ``cold`` (page cache off, a new content generation before each
request, as after an editor publishes a page) or ``cold-terms`` (as ``cold``, and a taxonomy term
changed too, so each process rebuilds its term index: ``home.term_index``).

The process sets up Django, makes three requests to warm everything up, then makes REQUESTS
more; ``bench/run_page_instructions.sh`` runs it with 0 and with N requests and divides the
difference by N.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench")

import django

django.setup()

from django.test import Client, override_settings  # noqa: E402

from home import page_cache, term_index  # noqa: E402

path, mode, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
override_settings(PAGE_CACHE_ENABLED=mode == "cached").enable()
client = Client()
for _ in range(3):
    assert client.get(path).status_code == 200
for _ in range(count):
    if mode in ("cold", "cold-terms"):
        page_cache.invalidate()
    if mode == "cold-terms":
        term_index.forget()
    client.get(path)
