# Two commands on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv
PYTHON ?= python3.11
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
VENV := .venv/bin
SAFEGUARD := $(VENV)/safeguard

.PHONY: install assets demo serve seed test test-sqlite test-postgres test-browser lint format

install: .venv/.synced node_modules/.installed

$(UV):
	$(PYTHON) -m pip install --quiet --user uv

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

assets: node_modules/.installed
	npm run --silent build

demo: install assets
	bash scripts/ensure_pdf_tools.sh >/dev/null
	$(SAFEGUARD) migrate --no-input
	$(SAFEGUARD) demo seed --if-empty
	$(SAFEGUARD) demo logins
	$(SAFEGUARD) runserver 127.0.0.1:8000

lint: install
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	$(SAFEGUARD) makemigrations --check --dry-run

format: install
	$(VENV)/ruff format .
	$(VENV)/ruff check --fix .

test: install assets lint
	bash scripts/test.sh
