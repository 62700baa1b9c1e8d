# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test install install-test browser wheel-check notebook eval bench readme clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# A regular (not editable) install, as users get it: reinstalled when a source file changes.
SOURCES := pyproject.toml $(shell find kg ontology -type f -not -path '*/__pycache__/*')

$(VENV)/.installed: $(SOURCES) | $(BIN)/python
	rm -rf build  # setuptools keeps files of an earlier layout there
	$(BIN)/pip install --quiet .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/kg build seeds/ --out out/

# Headless Chromium for the browser tests (Debian package); skipped when present.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || \
	  { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

test: install-test browser wheel-check
	$(BIN)/python -m pytest -q

# The product as users get it: the wheel installed into a throwaway virtual environment outside
# the checkout, then a build of the seed and a ready query, run from another folder.
WHEEL_CHECK := $(shell mktemp -u /tmp/kg-wheel-check.XXXXXX)
wheel-check: install
	rm -rf build
	$(BIN)/pip wheel --quiet --no-deps --wheel-dir $(WHEEL_CHECK)/dist .
	$(PYTHON) -m venv $(WHEEL_CHECK)/venv
	$(WHEEL_CHECK)/venv/bin/pip install --quiet $(WHEEL_CHECK)/dist/kg-*.whl
	cp seeds/*.txt $(WHEEL_CHECK)/
	cd $(WHEEL_CHECK) && venv/bin/kg build *.txt --out out --quiet && venv/bin/kg query out/graph.ttl supplies | grep -q "actor:RUS"
	rm -rf $(WHEEL_CHECK)
	@echo "wheel check: installed wheel built the seed and answered 'supplies' from outside the checkout"

# JupyterLab on the walkthrough notebook (installs the notebook extra).
notebook: install
	$(BIN)/pip install --quiet '.[notebook]'
	$(BIN)/jupyter lab notebooks/explore.ipynb

eval: install
	$(BIN)/kg eval ../shared/eval/dev.jsonl ../shared/eval/news-mena.jsonl ../shared/eval/news-europe.jsonl ../shared/eval/news-mideast.jsonl --by-label

bench: install-test
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/sparql.py
	$(BIN)/python bench/render.py
	$(BIN)/python bench/serve_clients.py
	$(BIN)/python bench/throughput.py --long

# Write the command outputs shown in README.md again (tests/test_readme.py checks them).
readme: install-test
	$(BIN)/python tests/test_readme.py --update

clean:
	rm -rf $(VENV) out/graph.* out/*.png
