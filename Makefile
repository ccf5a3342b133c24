# Two commands on a fresh machine: `make run` (the app) and `make test` (every test). See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
DATA   ?=
DATA_ARGS := $(if $(DATA),-- --data-dir $(DATA))

.PHONY: run share test test-fast lint validate chromium screenshot bench bench-ab loadtest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Stamp files: pip runs again only when a requirements file changed.
$(VENV)/.app-stamp: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-stamp: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.app-stamp

run: $(VENV)/.app-stamp
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) $(DATA_ARGS)

# Bound to every interface so that others on the network can open it: see README "Sharing on the local network".
share: $(VENV)/.app-stamp
	@$(BIN)/python -m components.cli share-urls --port $(PORT)
	$(BIN)/streamlit run app.py --server.address 0.0.0.0 --server.port $(PORT) \
		$(foreach host,localhost 127.0.0.1 $(shell $(BIN)/python -m components.cli share-urls --hosts-only),--server.allowedHosts $(host)) \
		$(DATA_ARGS)

chromium:
	@bash scripts/ensure-chromium.sh

# JavaScript only the tests use (Knight Lab's TimelineJS), pinned in package-lock.json; reinstalled when it changes.
node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

lint: $(VENV)/.dev-stamp
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

validate: $(VENV)/.app-stamp
	$(BIN)/python -m components.cli validate $(DATA)

test: $(VENV)/.dev-stamp chromium node_modules/.stamp lint validate
	$(BIN)/python -m pytest

# The quick loop while coding: lint, unit and AppTest tiers, no browser, 2 workers, a fifth of the property
# examples (tests/conftest.py: examples). `make test` runs everything, in full.
test-fast: $(VENV)/.dev-stamp lint
	TUMEN_FAST=1 $(BIN)/python -m pytest -q -n 2 tests/unit tests/app

# Rewrites docs/screenshot.png (the README's picture) from the shipped data; SHOTS=DIR also saves every page at
# 1400 and 390 px, light and dark, into DIR.
screenshot: $(VENV)/.dev-stamp chromium
	$(BIN)/python scripts/screenshot.py $(if $(SHOTS),--all $(SHOTS))

# On demand, not part of `make test`: writes docs/benchmarks.md.
bench: $(VENV)/.dev-stamp chromium
	$(BIN)/python -m benchmarks.run

# Before/after in one run: the Timeline at REV (any commit) against the working tree, ROUNDS starts each (3).
bench-ab: $(VENV)/.dev-stamp chromium
	$(BIN)/python -m benchmarks.ab $(REV) $(ROUNDS)

# SESSIONS concurrent browser sessions (default 10) for SECONDS (default 60) against one server.
loadtest: $(VENV)/.dev-stamp chromium
	$(BIN)/python -m benchmarks.loadtest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
