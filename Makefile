# Two entry points a fresh machine needs: `make run` and `make test`.
# Both create .venv and install the project on first use (or when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run sandbox test bench lint typecheck clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench,semantic]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) run.py $(ARGS)

# The real bot against the Telegram emulator and the sample news, no token (README «Rehearse the real bot»).
sandbox: $(STAMP)
	$(PY) run.py sandbox $(ARGS)

test: $(STAMP)
	$(PY) -m pytest $(ARGS)

typecheck: $(STAMP)
	$(PY) -m mypy

bench: $(STAMP)
	$(PY) benchmarks/ingest.py
	$(PY) benchmarks/search_quality.py
	$(PY) benchmarks/search.py
	$(PY) benchmarks/digest_quality.py
	$(PY) benchmarks/stories.py
	$(PY) benchmarks/delivery.py
	$(PY) benchmarks/bot_speed.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache
