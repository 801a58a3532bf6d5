"""`make run PORT=8001` serves there, and what it prints and e-mails links to that address.

The Makefile runs against a stand-in virtualenv whose ``python`` records its arguments and the
``SITE_URL`` it was given, so the real targets run in a second, without installing or serving.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
pytestmark = pytest.mark.skipif(not shutil.which("make"), reason="make is not installed")


def _run(tmp_path, *arguments, env=None):
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    log = tmp_path / "calls.log"
    python = venv / "bin" / "python"
    python.write_text(f'#!/bin/sh\necho "SITE_URL=$SITE_URL $*" >> {log}\n')
    python.chmod(0o755)
    # The install stamp, as the Makefile names it: make skips the real install.
    names = ("requirements.txt", "requirements-dev.txt", "requirements-nodeps.txt")
    requirements = b"".join((ROOT / name).read_bytes() for name in names)
    cksum = subprocess.run(["cksum"], input=requirements, capture_output=True, check=True)
    checksum = cksum.stdout.split()[0]
    (venv / f".installed-{checksum.decode()}").touch()
    base_env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        ["make", "--no-print-directory", "run", f"VENV={venv}", *arguments],
        cwd=ROOT,
        env={**base_env, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout, log.read_text().splitlines()


def test_make_run_serves_on_the_port_asked_and_passes_that_address_as_site_url(tmp_path):
    printed, calls = _run(tmp_path, "PORT=8001")
    served = "http://127.0.0.1:8001"
    assert calls[-1] == f"SITE_URL={served} manage.py runserver 127.0.0.1:8001"
    (seed,) = [call for call in calls if "seed_demo" in call]
    assert seed == f"SITE_URL={served} manage.py seed_demo --admin", "its links name the address served"
    assert f"Site: {served}/" in printed


def test_make_run_keeps_the_defaults_and_a_site_url_given(tmp_path):
    _printed, calls = _run(tmp_path)
    assert calls[-1] == "SITE_URL=http://127.0.0.1:8000 manage.py runserver 127.0.0.1:8000"
    _printed, calls = _run(tmp_path / "given", "HOST=0.0.0.0", env={"SITE_URL": "https://demo.example"})
    assert calls[-1] == "SITE_URL=https://demo.example manage.py runserver 0.0.0.0:8000"
    assert all(call.startswith("SITE_URL=https://demo.example ") for call in calls)
