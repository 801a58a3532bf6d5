# Two commands on a fresh machine: `make run` (install, demo site on SQLite at :8000) and `make test`.
# Another address: `make run PORT=8001` (and HOST=...). The links seed_demo prints and the admin's
# e-mails (invitations, workflow notifications, reminders) use SITE_URL: the address served unless set.
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
SITE_URL ?= http://$(HOST):$(PORT)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt requirements-nodeps.txt requirements-schemas.txt | cksum | cut -d' ' -f1)

# v.Nu and axe-core for the tests only (tests/conformance), from npm: `make run` does not need node.
NODE_STAMP := node_modules/.installed-$(shell cat package.json package-lock.json | cksum | cut -d' ' -f1)

.PHONY: install run test lint format messages

$(STAMP): requirements.txt requirements-dev.txt requirements-nodeps.txt requirements-schemas.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-nodeps.txt
	rm -rf $(VENV)/share/schemas && mkdir -p $(VENV)/share/schemas
	$(BIN)/python -m pip download --quiet --no-deps --no-binary :all: -r requirements-schemas.txt -d $(VENV)/share/schemas
	$(BIN)/python -c "import glob, tarfile; archive = tarfile.open(glob.glob('$(VENV)/share/schemas/pyoai-*.tar.gz')[0]); member = next(m for m in archive.getmembers() if m.name.endswith('/OAI-PMH.xsd')); member.name = 'OAI-PMH.xsd'; archive.extract(member, '$(VENV)/share/schemas', filter='data')"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0

run: export SITE_URL := $(SITE_URL)
run: install
	$(BIN)/python manage.py migrate --noinput --verbosity 0
	$(BIN)/python manage.py seed_demo --admin
	@echo "Site: $(SITE_URL)/  (Ctrl+C to stop)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The machine's java runs v.Nu: the package's own JRE download (a postinstall script) is skipped.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

test: install $(NODE_STAMP)
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	$(BIN)/python manage.py makemessages -l vi -l en -l km --ignore=.venv --ignore=var --ignore=node_modules --ignore='tests/*' --no-obsolete
