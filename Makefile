# Two entry points: `make run` (the dashboard) and `make test` (every test).
# Both create .venv on first use and reuse it afterwards.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export STREAMLIT_BROWSER_GATHER_USAGE_STATS := false
export ANALYSER_CACHE_DIR ?= $(CURDIR)/.cache

.PHONY: run test install clean training-data

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# Fit the topic model once now (about two and a half minutes on two cores), so the first analysis does not wait for it.
	$(BIN)/python -c "from analyser.classify import default_classifier; default_classifier()"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py --server.address=$${ANALYSER_HOST:-127.0.0.1} --server.port=$${ANALYSER_PORT:-8501} \
	  --browser.gatherUsageStats=false --server.headless=true

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Rebuild clause_library/training/sentences.jsonl and documents.jsonl from the labels: the shared corpus and
# fresh vendors 1-51. (tests/fresh_vendors_52 stays out: it is the blind test set; tests/fresh_vendors_53 waits,
# unread, for a later release.)
LABELLED_SETS = tests/fresh_vendors tests/fresh_vendors_2 tests/fresh_vendors_3 tests/fresh_vendors_4 tests/fresh_vendors_5 \
                tests/fresh_vendors_6 tests/fresh_vendors_7 tests/fresh_vendors_8 tests/fresh_vendors_9 \
                tests/fresh_vendors_10 tests/fresh_vendors_11 tests/fresh_vendors_12 tests/fresh_vendors_13 \
                tests/fresh_vendors_14 tests/fresh_vendors_15 tests/fresh_vendors_16 \
                tests/fresh_vendors_17 tests/fresh_vendors_18 tests/fresh_vendors_19 tests/fresh_vendors_20 \
                tests/fresh_vendors_21 tests/fresh_vendors_22 tests/fresh_vendors_23 tests/fresh_vendors_24 \
                tests/fresh_vendors_25 tests/fresh_vendors_26 tests/fresh_vendors_27 tests/fresh_vendors_28 \
                tests/fresh_vendors_29 tests/fresh_vendors_30 tests/fresh_vendors_31 \
                tests/fresh_vendors_32 tests/fresh_vendors_33 tests/fresh_vendors_34 tests/fresh_vendors_35 \
                tests/fresh_vendors_36 tests/fresh_vendors_37 tests/fresh_vendors_38 tests/fresh_vendors_39 \
                tests/fresh_vendors_40 tests/fresh_vendors_41 tests/fresh_vendors_42 \
                tests/fresh_vendors_43 tests/fresh_vendors_44 tests/fresh_vendors_45 tests/fresh_vendors_46 \
                tests/fresh_vendors_47 tests/fresh_vendors_48 tests/fresh_vendors_49 tests/fresh_vendors_50 \
                tests/fresh_vendors_51
training-data: $(STAMP)
	$(BIN)/python -m analyser.training ../shared/corpus $(LABELLED_SETS)

clean:
	rm -rf $(VENV) .cache .pytest_cache
