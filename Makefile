# Quoteline: build, serve and test. Every target installs what it needs first
# (scripts/setup.sh; a second run takes seconds).
#
#   make serve   live-reloading dev server on http://127.0.0.1:8080/
#   make dist    release build in dist/ (relative URLs) + dist/quoteline.html
#   make test    every tier: native cargo tests, wasm tests in headless Chromium,
#                then the release build and the Playwright end-to-end specs

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
# cargo's bin dir for trunk and wasm-bindgen; e2e/node_modules/.bin for wasm-opt (binaryen@132).
export PATH := $(HOME)/.cargo/bin:$(ROOT)/e2e/node_modules/.bin:$(PATH)

# wasm-bindgen-test-runner (the wasm32 runner in .cargo/config.toml) drives Chromium
# through chromedriver; the capabilities file adds flags for a closed network.
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON ?= $(ROOT)/scripts/webdriver.json
export WASM_BINDGEN_TEST_TIMEOUT ?= 180
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT ?= 60

ADDRESS ?= 127.0.0.1
PORT ?= 8080

.PHONY: help setup setup-test serve dist prerender test test-lint test-native test-engine test-wasm test-e2e test-serve bench clean

help:
	@echo "make serve   install what is missing, then serve on http://$(ADDRESS):$(PORT)/ with live reload"
	@echo "make dist    install what is missing, then build dist/ (any static host, any sub-path) and dist/quoteline.html"
	@echo "make prerender  refresh assets/first-view.html (the first view before the wasm) after a view or seed change"
	@echo "make test    install what is missing, then run every test tier (fails on the first failure)"

setup:
	scripts/setup.sh serve

setup-test:
	scripts/setup.sh test

serve: setup
	@if (exec 3<>/dev/tcp/$(ADDRESS)/$(PORT)) 2>/dev/null; then \
	  echo "make serve: port $(PORT) on $(ADDRESS) is already in use (another 'make serve'?)." >&2; \
	  echo "  Stop that process, or pick another port: make serve PORT=8081" >&2; exit 1; fi
	QUOTELINE_SERVE=1 trunk serve --release --address $(ADDRESS) --port $(PORT) --public-url / --dist target/serve

dist: setup
	trunk build --release --public-url ./
	@test -s dist/quoteline.html || { echo "dist/quoteline.html was not written" >&2; exit 1; }
	@echo "dist/ is ready; open dist/quoteline.html from disk, or host dist/ anywhere"

# The seeds' first view as HTML (assets/first-view.html, pasted into index.html): rendered
# from the App natively; tests/first_view.rs fails when the checked-in file is stale.
prerender:
	QUOTELINE_BLESS=1 cargo test --release --test first_view

# The tiers run in order and make stops at the first one that fails.
test: setup-test
	$(MAKE) --no-print-directory test-lint
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-engine
	$(MAKE) --no-print-directory test-wasm
	$(MAKE) --no-print-directory dist
	$(MAKE) --no-print-directory test-e2e
	$(MAKE) --no-print-directory test-serve
	@echo "all test tiers passed"

# Formatting, and clippy with warnings as errors (crates/core denies panicking slicing,
# indexing, unwrap and expect: see its lib.rs), natively and for the browser.
test-lint:
	cargo fmt --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p quoteline --lib --bin quoteline-web --bin quoteline-worker --bin quoteline-archive --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p quoteline-core --lib --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --workspace

# The Spark pack (spark/): pyspark from PyPI in a venv of its own outside the repo (made
# once, then reused), the CLI built, the job run in local[2] on a synthetic archive and
# its output held equal, byte for byte, to the single-process `pack --sharded`.
SPARK_VENV ?= $(HOME)/.cache/quoteline/spark-venv
test-engine:
	@command -v java >/dev/null || { echo "make test-engine needs Java 17: scripts/setup.sh test installs it (Debian: openjdk-17-jre-headless)" >&2; exit 1; }
	test -x $(SPARK_VENV)/bin/python || python3 -m venv $(SPARK_VENV)
	$(SPARK_VENV)/bin/python -c 'import pyspark' 2>/dev/null || $(SPARK_VENV)/bin/pip install -q 'pyspark==3.5.*'
	cargo build --release -p quoteline-cli
	PYSPARK_PYTHON=$(SPARK_VENV)/bin/python $(SPARK_VENV)/bin/python spark/test_pack.py --quoteline target/release/quoteline --mb 2

# chromedriver gives Chromium a profile in TMPDIR (org.chromium.Chromium.scoped_dir.*,
# about 50 MB) and leaves it there: the tier keeps TMPDIR to itself and removes it.
test-wasm:
	scratch=$$(mktemp -d -t quoteline-wasm-XXXXXX); trap 'rm -rf "$$scratch"' EXIT; \
	  TMPDIR="$$scratch" cargo test --target wasm32-unknown-unknown --test browser

test-e2e:
	cd e2e && node --test --test-concurrency=1 specs/

# `make serve` itself, from a clean clone of HEAD, on a free port (e2e/serve/).
test-serve:
	cd e2e && node --test serve/

# Benchmarks print figures; they never fail on a time.
bench: setup-test dist
	cargo run -q --profile bench -p quoteline-cli -- bench --mb 10
	cargo run -q --profile bench -p quoteline-cli -- bench --statements 1000,5000,20000,50000
	cargo test --profile web --target wasm32-unknown-unknown --test wasm_bench -- --nocapture
	node scripts/sizes.mjs dist
	node e2e/bench/browser.bench.mjs --mb 10
	node e2e/bench/persist.bench.mjs
	$(MAKE) --no-print-directory dist >/dev/null
	node scripts/sizes.mjs dist

clean:
	rm -rf dist e2e/screenshots
