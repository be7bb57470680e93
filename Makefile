# Two commands for a newcomer: `make run` (the app with demo data) and `make test` (every test).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test setup browser-deps lint bench mutation demo-provider

setup:
	bash scripts/setup.sh

# The worker runs beside the web server and stops with it; today's reminders are queued at the
# start (e-mail is printed in this terminal).
run: setup
	DEBUG=true $(PY) manage.py migrate --no-input
	DEBUG=true $(PY) manage.py seed_demo
	DEBUG=true $(PY) manage.py enqueue_reminders
	trap 'kill 0' EXIT; DEBUG=true $(PY) manage.py db_worker --no-reload -v 0 & \
		DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

# The demo board's "Microsoft-account (demo)" button: a real OpenID Connect provider on this
# machine (port 9400), with the demo people of tests/oidc/demo.json. Beside `make run`.
demo-provider:
	cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error && node provider.mjs demo.json 9400

# Debian's chromium for the browser tests, gettext for the translation check, poppler-utils
# to turn the PDFs the browser downloads into images, Node.js for the
# OpenID Connect provider the sign-in tests run (tests/oidc, installed from its lock file).
browser-deps:
	@command -v chromium >/dev/null && command -v xgettext >/dev/null && command -v npm >/dev/null && command -v pdftoppm >/dev/null || \
		($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium gettext poppler-utils $$(command -v npm >/dev/null || echo nodejs npm))
	cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error

test: setup browser-deps
	bash scripts/ensure_postgres.sh
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres $(PY) manage.py makemigrations --check --dry-run --settings=tlschool.settings_test
	$(VENV)/bin/pytest

lint:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The load benchmark (on demand, not in CI): seeds a large board into PostgreSQL, prints JSON.
bench: setup
	@command -v wrk >/dev/null || ($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	bash scripts/ensure_postgres.sh
	$(PY) bench/run.py $(BENCH_ARGS)

# Mutation testing of the rules and selectors (on demand, not in CI; docs/quality.md).
mutation: setup
	$(VENV)/bin/pip install -q -e '.[mutation]'
	bash scripts/ensure_postgres.sh
	rm -rf mutants
	$(VENV)/bin/mutmut run --max-children 2 || true
	$(VENV)/bin/mutmut results > mutation-results.txt || true
	$(VENV)/bin/python scripts/mutation_score.py
