# eventledger: `make demo` and `make test` work on a fresh clone with no other step.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint clean bench eval train-attribution-spans system-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f out/demo.db
	mkdir -p out
	$(BIN)/eventledger process examples/ --db out/demo.db
	$(BIN)/eventledger summary --db out/demo.db
	$(BIN)/eventledger export --db out/demo.db --format csv -o out/demo.csv
	@echo "ACLED-style CSV written to out/demo.csv"
	@echo "To open the demo's ledger in a browser (http://127.0.0.1:8000/), run:"
	@echo "  $(BIN)/eventledger serve --db out/demo.db"

# tools/system-deps.sh installs PostgreSQL and Chromium for the tests that drive them,
# when it can; otherwise those tests skip with a reason (CI makes them fail instead).
system-deps:
	@bash tools/system-deps.sh

test: $(STAMP) system-deps
	$(BIN)/ruff check src tests benchmarks training
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py examples/ --docs 200
	$(BIN)/python benchmarks/stories_scaling.py --docs 200

# Evaluation data lives outside the repository; SHARED points at it.
SHARED ?= ../shared
eval: $(STAMP)
	$(BIN)/eventledger eval seed $(SHARED)/seed/gold.json $(SHARED)/seed/000_6f29b5e68450a037.txt
	$(BIN)/eventledger eval polnear $(SHARED)/eval/polnear/dev
	$(BIN)/eventledger eval wikievents $(SHARED)/eval/wikievents/dev.jsonl
	$(BIN)/eventledger eval geo $(SHARED)/eval/geo/TR-News.xml --gold-spans
	$(BIN)/eventledger eval geo $(SHARED)/eval/geo/TR-News.xml
	$(BIN)/eventledger eval event-location $(SHARED)/eval/event_location/dev.jsonl

clean:
	rm -rf $(VENV) out build *.egg-info

# Retrain the attribution span tagger shipped in src/eventledger/data/attribution_spans
# from PolNeAR's training split (about two hours on two cores; the best held-out
# epoch is kept).
train-attribution-spans: $(STAMP)
	$(BIN)/python training/attribution_spans/prepare.py $(SHARED)/eval/polnear/train out/attribution_spans
	$(BIN)/python training/attribution_spans/finetune.py out/attribution_spans out/attribution_spans/tagger
	rm -rf src/eventledger/data/attribution_spans
	cp -r out/attribution_spans/tagger.best src/eventledger/data/attribution_spans
