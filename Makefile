# wirecoder: the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: install demo test lint typecheck bench bench-timex bench-places bench-events clean

# Installs the package, its spaCy model (a PyPI package) and the test tools into a local venv.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/wirecoder --db sqlite:///$(DEMO_DB) demo
	$(BIN)/wirecoder --db sqlite:///$(DEMO_DB) stats

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check wirecoder tests benchmarks

typecheck: install
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/extract_throughput.py --limit 1000

bench-timex: install
	$(BIN)/python benchmarks/timex_speed.py

bench-places: install
	$(BIN)/python benchmarks/places_speed.py

bench-events: install
	$(BIN)/python benchmarks/events_speed.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .mypy_cache $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
