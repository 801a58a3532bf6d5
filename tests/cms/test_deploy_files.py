"""The Dockerfile and compose file, checked without a Docker engine (none runs here)."""

import re
from pathlib import Path

import yaml

from cms.settings import env

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def test_dockerfile_is_multi_stage_slim_and_unprivileged():
    stages = re.findall(r"^FROM (\S+) AS (\w+)", DOCKERFILE, re.MULTILINE)
    assert [name for _image, name in stages] == ["build", "runtime"]
    assert all("slim" in image for image, _name in stages)
    assert "COPY --from=build" in DOCKERFILE
    users = re.findall(r"^USER (\S+)", DOCKERFILE, re.MULTILINE)
    assert users and users[-1] not in {"root", "0"}


def test_dockerfile_builds_static_and_catalogues_and_runs_gunicorn_with_a_healthcheck():
    assert "collectstatic --noinput" in DOCKERFILE
    assert "compilemessages" in DOCKERFILE
    assert re.search(r"^HEALTHCHECK .*\n.*?/healthz", DOCKERFILE, re.MULTILINE)
    assert re.search(r'^CMD \["gunicorn", "--config", "cms/gunicorn.conf.py"', DOCKERFILE, re.MULTILINE)
    assert (ROOT / "cms" / "gunicorn.conf.py").is_file()


def test_dockerignore_keeps_local_state_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for path in (".git", ".venv", "db.sqlite3", "media"):
        assert path in ignored


def test_compose_has_the_production_services_with_healthchecks():
    services = COMPOSE["services"]
    assert {"web", "migrate", "db", "redis", "s3", "search"} <= set(services)
    for name in ("db", "redis", "s3", "search"):
        assert "healthcheck" in services[name], name
    for name, service in services.items():
        for dependency in service.get("depends_on", {}):
            assert dependency in services, f"{name} depends on unknown service {dependency}"


def test_compose_runs_the_scheduled_commands_that_exist():
    from django.core.management import get_commands

    script = " ".join(COMPOSE["services"]["scheduler"]["command"])
    for command in ("publish_scheduled", "check_item_consent"):
        assert f"manage.py {command}" in script and command in get_commands()


def test_compose_gives_the_site_every_required_variable_and_only_declared_ones():
    environment = COMPOSE["services"]["web"]["environment"]
    assert set(environment) <= set(env.VARIABLES)
    required = {name for name, variable in env.VARIABLES.items() if variable.required_in_production}
    assert required <= set(environment)
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert environment["SEARCH_URL"].startswith("opensearch://")


def test_compose_runs_a_worker_for_the_queued_tasks():
    from django.core.management import get_commands

    worker = COMPOSE["services"]["worker"]
    assert worker["command"][:3] == ["python", "manage.py", "db_worker"] and "db_worker" in get_commands()
    assert COMPOSE["services"]["web"]["environment"]["TASKS_BACKEND"] == "database"
