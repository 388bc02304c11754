# Two commands set everything up on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export OPENBLAS_NUM_THREADS := 1

.PHONY: run test install install-dev lint serve bench browser clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-dev: $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'

run: install
	$(BIN)/letopis process examples/ --db letopis.db

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

lint: install-dev
	$(BIN)/ruff check letopis tests bench
	$(BIN)/mypy letopis

test: install-dev browser lint
	$(BIN)/pytest -q -p no:cacheprovider

serve: install
	$(BIN)/letopis serve --host 127.0.0.1 --port 8000

bench: install-dev
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) *.egg-info letopis.db letopis.db-wal letopis.db-shm
