# One entry point for setup, checks, tests, evals and the weekly briefing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
SEEDS ?= ../shared/seeds
OUT ?= out

.PHONY: setup check lint typecheck test-fast test test-reliability test-local test-browser test-postgres briefing schemas fixtures eval eval-report bench

$(BIN)/summarizer: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(BIN)/summarizer

setup: $(BIN)/summarizer

## check: ruff, strict mypy, import contracts, the fast tests (under a minute)
check: setup lint typecheck test-fast

lint:
	$(BIN)/ruff check summarizer tests bench
	$(BIN)/lint-imports

typecheck:
	$(BIN)/mypy summarizer

test-fast:
	$(BIN)/pytest -n 2

## test: everything CI runs: checks, fixtures, eval gate, then the slow tiers
test: check test-reliability fixtures eval test-browser test-postgres test-local

fixtures: setup
	$(BIN)/summarizer fixtures check evals/fixtures
	$(BIN)/summarizer fixtures check evals/synthetic
	$(BIN)/summarizer fixtures check evals/holdout
	$(BIN)/summarizer fixtures check evals/holdout2
	$(BIN)/summarizer schema --out schemas --check

test-reliability: setup
	$(BIN)/pytest -m reliability

test-local: setup
	$(BIN)/pytest -m local_model -p no:randomly

test-browser: setup
	(command -v chromium && command -v soffice && command -v pdftoppm && fc-list :lang=zh | grep -q .) >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk libreoffice-writer-nogui poppler-utils >/dev/null)
	$(BIN)/pytest -m browser

## test-postgres: the archive on a throwaway PostgreSQL cluster (Debian's server, 127.0.0.1)
test-postgres: setup
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq postgresql >/dev/null)
	$(BIN)/pytest -m postgres -p no:randomly

## briefing: the main job, a weekly briefing of the seed articles with the offline backend
briefing: setup
	$(BIN)/summarizer brief $(SEEDS) --backend offline --format md -o $(OUT)/briefing.md
	$(BIN)/summarizer brief $(SEEDS) --backend offline --format html -o $(OUT)/briefing.html
	$(BIN)/summarizer brief $(SEEDS) --backend offline --format docx -o $(OUT)/briefing.docx

schemas: setup
	$(BIN)/summarizer schema --out schemas

## eval: score the offline backend and gate it: the seed fixtures (evals/fixtures) and the
## dev set (../shared/devset). Gates are floors, `--min MEASURE=VALUE`: LIST[.strict|.lenient]
## [.precision|.recall] (lenient F1 by default), or date / articles / grounding rates.
## Reported, never gated (measurement sets no rule is tuned on): evals/synthetic, evals/holdout,
## evals/holdout2.
DEVSET ?= ../shared/devset
EVAL_THRESHOLDS ?= speakers=0.95 directives=0.95 metrics=0.95 projects=0.97 directives.strict=0.90 projects.strict=0.96 date=1 articles=1 grounding=1
DEVSET_THRESHOLDS ?= speakers=0.97 directives=0.97 directives.strict=0.95 metrics=0.97 projects=0.97 projects.precision=0.97 projects.strict=0.95 date=0.95 articles=0.95 grounding=1
eval: setup
	$(BIN)/summarizer eval --backend offline --fixtures evals/fixtures \
		--json evals/reports/offline.json --markdown evals/reports/offline.md \
		$(foreach t,$(EVAL_THRESHOLDS),--min $(t))
	$(BIN)/summarizer eval --backend offline --fixtures $(DEVSET) \
		--json evals/reports/devset.json --markdown evals/reports/devset.md \
		$(foreach t,$(DEVSET_THRESHOLDS),--min $(t))

## eval-report: the measurement sets, scored and printed (no gate)
eval-report: setup
	$(BIN)/summarizer eval --backend offline --fixtures evals/synthetic --json evals/reports/synthetic.json
	$(BIN)/summarizer eval --backend offline --fixtures evals/holdout --json evals/reports/holdout.json
	$(BIN)/summarizer eval --backend offline --fixtures evals/holdout2 --json evals/reports/holdout2.json

## bench: throughput, LLM pipeline overhead and cache re-run figures (see bench/README.md)
bench: setup
	$(BIN)/python -m bench.offline_throughput
	$(BIN)/python -m bench.llm_overhead
	$(BIN)/python -m bench.cache_rerun
	$(BIN)/python -m bench.reprints
	$(BIN)/python -m bench.archive
