# The two commands of the README: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export PATH := $(CURDIR)/$(BIN):$(PATH)
export REDIS_PORT ?= 6479
export REDIS_URL ?= redis://127.0.0.1:$(REDIS_PORT)/0
export TRACKER_PORT ?= 5000
export MAIL_PORT ?= 8025
export FLASK_APP := wsgi

.PHONY: run test lint setup bench

$(INSTALLED): pyproject.toml
	scripts/ensure-system-packages python3-venv
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,dev]"
	touch $@

setup: $(INSTALLED)

run: $(INSTALLED)
	scripts/ensure-system-packages redis-server
	flask db upgrade
	flask demo load --if-empty
	@echo
	@echo "Tracker: open http://127.0.0.1:$(TRACKER_PORT) (Ctrl-C stops everything)"
	@echo
	honcho start -f Procfile

lint: $(INSTALLED)
	ruff check .
	ruff format --check .
	mypy tracker

test: $(INSTALLED)
	scripts/ensure-system-packages redis-server postgresql chromium
	$(MAKE) --no-print-directory lint
	pytest

# Speed of the busiest pages at province scale (see BENCHMARKS.md); rewrites its table there.
bench: $(INSTALLED)
	scripts/ensure-system-packages redis-server postgresql wrk
	python scripts/bench_web.py --write
	python scripts/explain_lists.py --write
	python scripts/bench_exports.py --databases sqlite,postgresql --write
