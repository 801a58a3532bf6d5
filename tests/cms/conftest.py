"""``web_stack``: two gunicorn nodes of the site with production settings, sharing one PostgreSQL
database (a copy of the seeded test database), one Redis and one S3-compatible bucket (moto's
server), with no sticky sessions: each test chooses the node of each request.

It needs the suite to run on PostgreSQL (``DATABASE_URL=postgres://...``) and ``redis-server``;
without them the tests that use it are skipped, saying so, except in CI (``CI`` set), where they
must run on the PostgreSQL pass.
"""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import boto3
import psycopg
import pytest
from moto.server import ThreadedMotoServer

from django.conf import settings
from django.db import connections

from tests.cms.servers import ROOT, Node, RedisServer, free_port, production_environment

BUCKET = "nhanquyen-nodes"


#: People the nodes know, made in the nodes' database by the nodes' own code (production settings:
#: its password hashers): an administrator with an authenticator app, and an editor.
PASSWORD = "two-nodes-password-0123"
TOTP_KEY = "3132333435363738393031323334353637383930"  # hex, RFC 6238's test key
#: One per sign-in: an authenticator's code is accepted once (django-otp refuses a replay).
ADMINISTRATORS = 5
PEOPLE = f"""
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
User = get_user_model()
for n in range({ADMINISTRATORS}):
    name = f"hai-nut-{{n}}"
    admin = User.objects.create_user(name, f"{{name}}@example.org", "{PASSWORD}", is_superuser=True)
    TOTPDevice.objects.create(user=admin, name="app", key="{TOTP_KEY}", confirmed=True)
User.objects.create_user("bi-khoa", "bi-khoa@example.org", "{PASSWORD}")
"""


@dataclass
class WebStack:
    a: Node
    b: Node
    redis: RedisServer
    database: str
    admin_params: dict
    editor: str = "bi-khoa"
    password: str = PASSWORD
    signed_in: int = 0

    def administrator(self):
        """An administrator who has not signed in yet."""
        assert self.signed_in < ADMINISTRATORS
        self.signed_in += 1
        return f"hai-nut-{self.signed_in - 1}"

    def current_code(self):
        from django_otp.oath import TOTP

        return str(TOTP(bytes.fromhex(TOTP_KEY)).token()).zfill(6)

    def terminate_database_connections(self):
        """Drop every connection the nodes hold (as a database restart or failover would)."""
        with psycopg.connect(**self.admin_params, autocommit=True) as admin:
            found = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> "
                "pg_backend_pid()",
                [self.database],
            ).fetchall()
        return len(found)


def _absent_reason():
    if not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return "two web nodes share PostgreSQL: run the suite with DATABASE_URL=postgres://..."
    if RedisServer.executable is None:
        return "two web nodes share Redis: redis-server is not installed (apt-get install -y redis-server)"
    return None


def _copy_database(source, target, admin_params):
    """``target`` as a copy of ``source``: a template copy when nobody else is connected to the
    source, otherwise through pg_dump."""
    connections.close_all()
    with psycopg.connect(**admin_params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
        try:
            admin.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')
            return
        except psycopg.errors.ObjectInUse:
            admin.execute(f'CREATE DATABASE "{target}"')
    options = connections["default"].settings_dict
    environment = {**os.environ, "PGPASSWORD": options.get("PASSWORD") or ""}
    common = ["-h", options.get("HOST") or "127.0.0.1", "-p", str(options.get("PORT") or 5432)]
    common += ["-U", options.get("USER") or "postgres"]
    dump = subprocess.Popen(["pg_dump", *common, source], stdout=subprocess.PIPE, env=environment)
    subprocess.run(
        ["psql", "-q", *common, target],
        stdin=dump.stdout,
        stdout=subprocess.DEVNULL,
        env=environment,
        check=True,
    )
    dump.wait()


@pytest.fixture(scope="session")
def web_stack(django_db_setup, django_db_blocker, tmp_path_factory):
    reason = _absent_reason()
    if reason:
        if os.environ.get("CI") and "PostgreSQL" not in reason:
            pytest.fail(reason)
        pytest.skip(reason)
    options = connections["default"].settings_dict
    source = options["NAME"]
    target = f"{source}_nodes"
    admin_params = {
        "host": options.get("HOST") or "127.0.0.1",
        "port": options.get("PORT") or 5432,
        "user": options.get("USER") or "postgres",
        "password": options.get("PASSWORD") or None,
        "dbname": "postgres",
    }
    with django_db_blocker.unblock():
        _copy_database(source, target, admin_params)

    redis = RedisServer()
    redis.start()
    moto_port = free_port()
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=moto_port, verbose=False)
    moto.start()
    endpoint = f"http://127.0.0.1:{moto_port}"
    s3 = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    )
    s3.create_bucket(Bucket=BUCKET)
    media = Path(settings.MEDIA_ROOT)
    for path in media.rglob("*"):  # the seeded demo's images and documents
        if path.is_file():
            s3.upload_file(str(path), BUCKET, path.relative_to(media).as_posix())

    url = f"postgres://{admin_params['user']}@{admin_params['host']}:{admin_params['port']}/{target}"
    if admin_params["password"]:
        url = url.replace("@", f":{admin_params['password']}@", 1)
    environment = production_environment(
        DJANGO_SETTINGS_MODULE="tests.cms.node_settings",
        DATABASE_URL=url,
        REDIS_URL=redis.url,
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=endpoint,
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        AWS_S3_REGION_NAME="us-east-1",
        TRUSTED_PROXY_HOPS="1",
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PEOPLE],
        cwd=ROOT,
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    logs = tmp_path_factory.mktemp("web-nodes")
    nodes = [Node(environment, workers=1, threads=4, log=logs / f"node-{name}.log") for name in "ab"]
    try:
        for node in nodes:
            node.start()
        yield WebStack(nodes[0], nodes[1], redis, target, admin_params)
    finally:
        for node in nodes:
            node.stop()
        moto.stop()
        redis.stop()
        with psycopg.connect(**admin_params, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
