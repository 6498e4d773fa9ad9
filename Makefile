# The two commands of the README: `make serve` and `make test`. Both install what they
# need first (a virtual environment in .venv; Debian's Chromium for the browser tests).

PYTHON ?= python3
export NO_MKDOCS_2_WARNING = 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup serve build test chromium axe goldens constraints clean

setup: $(STAMP)

# Exact versions from constraints.txt (ranges in pyproject.toml), the same on every machine and in CI.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

# After a change to pyproject.toml: pin the newest versions its ranges allow, from a fresh venv.
constraints:
	rm -rf .venv-constraints
	$(PYTHON) -m venv .venv-constraints
	.venv-constraints/bin/python -m pip install --quiet --upgrade pip
	.venv-constraints/bin/python -m pip install --quiet -e ".[test]"
	{ sed -n '1,3p' constraints.txt; echo "pip==$$(.venv-constraints/bin/python -m pip --version | cut -d' ' -f2)"; \
	  .venv-constraints/bin/python -m pip freeze --exclude-editable; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf .venv-constraints

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

# Two workers (the machines have two cores); the page walks are one test per page, and
# worksteal lets an idle worker take queued tests from a busy one, so neither waits on the other.
PYTEST_WORKERS ?= 2

test: setup chromium axe
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

# After a template change on purpose: rewrite the expected output of the golden tests
# (tests/data/golden/), then review the difference with `git diff tests/data/golden`.
goldens: setup
	UPDATE_GOLDENS=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_golden.py

clean:
	rm -rf site .pytest_cache
