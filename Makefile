# Servicepunt task runner. `make` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export UV_PYTHON_DOWNLOADS := never
PYTHON ?= python3.11
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
SP := .venv/bin/servicepunt
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages the run needs: HarfBuzz-Subset lets WeasyPrint embed only the glyphs a PDF uses;
# janus is the media server of the video calls (VideoRoom plugin; `servicepunt janus` runs it).
RUN_DEBS := libharfbuzz-subset0 janus
# And the tests: chromium for the browser tests, gettext to check every text has its translation,
# janus for the video tests (each test process starts its own on free loopback ports).
TEST_DEBS := chromium gettext janus
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: help debs test-debs install run test check lint types pytest bench score messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

.venv/.installed: pyproject.toml uv.lock package.json package-lock.json | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	npm ci --no-audit --no-fund --loglevel=error
	$(SP) compiletranslations
	touch $@

debs: ## Install the Debian packages the run needs, when absent
	@missing="$$(for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done)"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

DEBS ?= $(RUN_DEBS)
install: debs .venv/.installed ## Install Python and front-end dependencies, compile translations

run: install ## Migrate, load catalogue, demo accounts and agendas, serve on http://127.0.0.1:8000
	$(SP) migrate --no-input
	$(SP) catalogue load-upl src/servicepunt/catalogue/data/upl/UPL-actueel.csv
	$(SP) catalogue load
	$(SP) demo
	@echo "Servicepunt draait op http://$(HOST):$(PORT)/ met één taakwerker en Janus (stoppen: Ctrl+C)"
	@# One task worker beside the web server (it sends the e-mail and SMS); the trap stops it
	@# however the server ends. A background job ignores Ctrl+C here, so the trap sends SIGTERM,
	@# on which the worker finishes its task and stops. No --reload: restart `make run` after a
	@# code change that tasks use.
	@# Janus (the video calls' media server, loopback only) runs beside them and stops with them.
	@$(SP) db_worker --queue-name '*' --no-reload --worker-id "make-run-$$$$" & worker=$$!; \
	$(SP) janus & janus=$$!; \
	trap 'kill -TERM $$worker $$janus 2>/dev/null; wait $$worker $$janus 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	$(SP) runserver $(HOST):$(PORT)

test-debs: ## Install the Debian packages the tests need (chromium, gettext, janus), when absent
	@$(MAKE) --no-print-directory debs DEBS="$(RUN_DEBS) $(TEST_DEBS)"

test: install test-debs check pytest ## Install what tests need and run lint, types and the whole suite

check: lint types ## Lint, types and architecture contracts

lint:
	.venv/bin/ruff check src bench
	.venv/bin/ruff format --check src bench
	.venv/bin/lint-imports

types:
	.venv/bin/mypy

# One test process per core (pytest-xdist); each has its own test database and browser.
TEST_WORKERS ?= auto
pytest:
	.venv/bin/pytest -n $(TEST_WORKERS)

bench: install ## Run the benchmarks
	.venv/bin/python bench/triage.py
	.venv/bin/python bench/suggest.py
	.venv/bin/python bench/appointments.py
	.venv/bin/python bench/cases.py
	.venv/bin/python bench/videoqueue.py

score: install ## Score triage and suggestions on the dev vignettes (needs ../shared)
	.venv/bin/python ../shared/eval/score.py ../shared/eval/vignettes-dev.yaml --cli "$(SP)"

messages: ## Extract translatable strings into the .po files (needs GNU gettext)
	cd src/servicepunt && ../../$(SP) makemessages -l en --no-obsolete

clean: ## Remove installed dependencies and local data
	rm -rf .venv .tools node_modules var
