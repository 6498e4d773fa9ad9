# The two commands of the README: `make serve` and `make test`. Both install what they
# need first (a virtual environment in .venv; Debian's Chromium for the browser tests).

PYTHON ?= python3
export NO_MKDOCS_2_WARNING = 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup serve build test chromium axe clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

chromium:
	@{ command -v chromium && command -v pdftotext; } >/dev/null 2>&1 || { \
	  echo "Chromium en poppler-utils installeren (Debian-pakketten, nodig voor de browsertests en PDF's)..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium poppler-utils >/dev/null; }

serve: setup
	$(BIN)/mkdocs serve

build: setup
	$(BIN)/mkdocs build --strict

# axe-core for the accessibility tests, from npm into tests/node_modules (pinned by the lock file).
axe: tests/node_modules/axe-core/axe.min.js

tests/node_modules/axe-core/axe.min.js: tests/package.json tests/package-lock.json
	npm ci --prefix tests --no-audit --no-fund --silent
	touch $@

# Two workers: the browser walks keep one core busy each (the machines have two).
PYTEST_WORKERS ?= 2

test: setup chromium axe
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

clean:
	rm -rf site .pytest_cache
