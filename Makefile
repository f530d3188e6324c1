PYTHON ?= $(firstword $(shell command -v python3.11 python3 2>/dev/null))
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# The address in the links of e-mails, PDFs, feeds and the API (see README).
SITE_URL ?= http://$(HOST):$(PORT)
PYTEST_ARGS ?=
# The suite runs in one process per core (pytest-xdist); PYTEST_WORKERS=0 runs it in make's.
PYTEST_WORKERS ?= auto
NPM := $(shell command -v npm 2>/dev/null)
MESSAGES_IGNORE := --ignore=.venv --ignore=node_modules
UV_INSTALL = $(BIN)/uv pip install --quiet --native-tls --python $(BIN)/python --compile-bytecode

.PHONY: run test lint messages

run: export SITE_URL := $(SITE_URL)
run: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py search_index rebuild
	PATH="$(abspath $(BIN)):$$PATH" HOST=$(HOST) PORT=$(PORT) honcho -f Procfile.dev start

test: $(VENV)/.installed-dev $(if $(NPM),node_modules/.installed)
	$(BIN)/lint-imports
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l en $(MESSAGES_IGNORE)
	$(BIN)/python manage.py compilemessages $(MESSAGES_IGNORE)

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 est introuvable (python3.11 ou python3)." >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
		|| { echo "$(PYTHON) n’est pas Python 3.11 : indiquez-le avec make PYTHON=..." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(BIN)/uv: | $(BIN)/python
	$(BIN)/pip install --quiet "uv>=0.9,<1"

# uv installs the dependencies in 16 s where pip takes 39 (pip stays in the virtualenv). It
# trusts the system's certificate store (--native-tls), as pip does, not only its own.
# The stamps make a second run skip the installation until pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/uv
	$(UV_INSTALL) -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/uv
	$(UV_INSTALL) -e ".[dev]"
	touch $@ $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@
