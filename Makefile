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
# The venv's interpreter: the system's Python where it is 3.11 or later (Debian optimises
# its build with profiling and links the interpreter statically: pages render 15 to 25 %
# faster on it than on a plain build from source such as pyenv's), else python3 on the
# PATH. An existing venv keeps its own: `rm -rf .venv` to make it again, `make PYTHON=...`
# to choose.
PYTHON ?= $(shell /usr/bin/python3 -c 'import sys; print(sys.executable if sys.version_info >= (3, 11) else "python3")' 2>/dev/null || echo python3)
export PYTHON

.PHONY: run test lint setup bench

$(INSTALLED): pyproject.toml
	scripts/ensure-system-packages python3-venv
	$(PYTHON) -m venv $(VENV)
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
