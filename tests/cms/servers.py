"""Real servers for fault and multi-node tests: a Redis of the test's own on a spare port (which it
may stop, freeze and start again without touching anyone else's), and gunicorn nodes."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, *, timeout=30.0, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


class RedisServer:
    """``redis-server`` on a spare port, without persistence: ``stop`` (connections refused; a
    restart starts empty), ``freeze`` (SIGSTOP: connections hang, the data stays) and ``start``."""

    executable = shutil.which("redis-server")

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            return
        self.process = subprocess.Popen(
            [
                self.executable,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process)

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def stop(self):
        if self.process is None:
            return
        self.process.send_signal(signal.SIGCONT)
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process = None


def production_environment(**overrides):
    """What ``cms.settings.production`` requires, pointing at this machine's services."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "AWS_", "PYTEST"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="two-nodes-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CSRF_TRUSTED_ORIGINS="https://127.0.0.1,https://localhost",
        SITE_URL="https://127.0.0.1",
        EMAIL_URL="smtp://127.0.0.1:1",
        LOG_LEVEL="WARNING",
        DATABASE_CONN_MAX_AGE="60",
    )
    environment.update(overrides)
    return environment


class Node:
    """One gunicorn server of the site (``cms/gunicorn.conf.py``), on a spare port."""

    def __init__(self, environment, *, workers=1, threads=4, log=None):
        self.port = free_port()
        self.environment = {**environment, "WEB_CONCURRENCY": str(workers), "GUNICORN_THREADS": str(threads)}
        self.log = log
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        output = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                str(ROOT / "cms" / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{self.port}",
                "cms.wsgi:application",
            ],
            cwd=ROOT,
            env=self.environment,
            stdout=output,
            stderr=output,
        )
        wait_for_port(self.port, timeout=60, process=self.process)
        deadline = time.monotonic() + 120
        while True:  # listening is not serving: wait for the first answer
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=10).close()
                return
            except OSError:  # refused, reset or timed out (URLError is an OSError too)
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
