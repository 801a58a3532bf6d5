"""Gunicorn settings for the container (`gunicorn -c cms/gunicorn.conf.py cms.wsgi`)."""

import multiprocessing

from cms.settings import env

bind = f"0.0.0.0:{env.read_int('PORT', 8000)}"
# One worker per core: measured in docs/PERFORMANCE.md ("Load"), more workers only queue longer.
workers = env.read_int("WEB_CONCURRENCY", multiprocessing.cpu_count())
threads = env.read_int("GUNICORN_THREADS", 4)
worker_class = "gthread"
keepalive = 5
timeout = 30
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
forwarded_allow_ips = "*"
accesslog = "-"
errorlog = "-"
worker_tmp_dir = "/dev/shm"  # noqa: S108 (heartbeat files in memory, not on the image layer)
