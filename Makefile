# Dossier: two commands do all set-up on a fresh machine.
#   make run    build the extension for both browsers and the demo, show it working
#   make test   run every test (native, WASM in real browsers, end to end)
# Both install what is missing first (scripts/setup.sh says what it cannot).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Tests drive the system's browsers; never let a tool download one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export CHROMEDRIVER ?= $(shell command -v chromedriver 2>/dev/null)
SHARED ?= $(CURDIR)/../shared
CLI := target/release/dossier
# tests/web.rs in a headless browser: cargo runs each wasm test binary with wasm-bindgen's test
# runner, which drives the browser whose driver is set (GECKODRIVER before CHROMEDRIVER). As
# `wasm-pack test` does, without its daily update check (a warning when crates.io's API is out
# of reach), its "no tests to run!" for the native-only test files, or the doc-tests again.
WASM_TEST := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

.PHONY: all setup setup-build build build-test cli run demo package corpus-check soak test test-native test-js test-wasm test-e2e lint fmt golden \
        eval-repeats eval-ner eval-langs eval-entities eval-facts eval model model-langs clean help fuzz bench bench-check bench-batch bench-memory bench-langs

all: build

## this list: every target, from the `## ` line above it in the Makefile
help:
	@awk '/^## /{d=substr($$0,4);next} /^[a-z][a-z0-9-]*:/{if(d!=""){sub(/:.*/,"",$$1);printf "  make %-14s %s\n",$$1,d};d="";next} {d=""}' $(MAKEFILE_LIST)

## install the build tools when missing (Rust wasm32 target, wasm-bindgen, wasm-pack, npm packages)
setup-build:
	@scripts/setup.sh build

## install everything `make test` needs when missing (setup-build, browsers, drivers)
setup:
	@scripts/setup.sh all

## the command-line tool, target/release/dossier
cli:
	@scripts/step.sh "building the command-line tool, target/release/dossier" "about a minute the first time" \
	  cargo build --release --features cli --locked

## the WASM core, dist/chrome, dist/firefox and dist/www
build: setup-build cli
	@scripts/step.sh "building the WASM core and the extension for both browsers, and the demo" "about a minute the first time" \
	  node scripts/build.mjs

## the end-to-end tests' build: dist/chrome-test and dist/firefox-test (the extension plus test hooks; never shipped)
build-test: setup-build
	@scripts/step.sh "building the extension with its test hooks, dist/chrome-test and dist/firefox-test" "about a minute the first time" \
	  node scripts/build.mjs --test

## build everything, analyse the sample page, and take a screenshot of it with the sidebar open
run: setup build build-test
	@echo
	@echo "== The sample page (tests/pages/example/source.html) through the CLI:"
	@$(CLI) analyze tests/pages/example/source.html
	@node scripts/screenshot.mjs target/screenshot.png
	@echo
	@echo "== Built:"
	@echo "   Chrome/Chromium: $(CURDIR)/dist/chrome"
	@echo "       chrome://extensions → Developer mode → Load unpacked → choose that folder"
	@echo "   Firefox:         $(CURDIR)/dist/firefox"
	@echo "       about:debugging#/runtime/this-firefox → Load Temporary Add-on → choose dist/firefox/manifest.json"
	@echo "   Demo page:       $(CURDIR)/dist/www (serve it with: make demo)"
	@echo "   Screenshot of the sample page with the sidebar open: $(CURDIR)/target/screenshot.png"

.PHONY: screenshot
## refresh docs/screenshot.png (the README's picture) from the current build
screenshot: build build-test
	@node scripts/screenshot.mjs docs/screenshot.png

## store packages and the reviewers' source archive (dist/*.zip, dist/SHA256SUMS)
package: build
	node scripts/package.mjs

# Same WASM, same sidebar, no extension needed.
DEMO_PORT ?= 8642
## serve the demo page on http://127.0.0.1:8642/
demo: build
	@echo "Dossier demo: http://127.0.0.1:$(DEMO_PORT)/  (Ctrl-C to stop)"
	python3 -m http.server $(DEMO_PORT) --bind 127.0.0.1 --directory dist/www

## format the Rust code
fmt:
	cargo fmt

## cargo fmt --check and clippy -D warnings, native and wasm32
lint: setup-build
	cargo fmt --check
	cargo clippy --locked --features cli --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --test web -- -D warnings

## the native Rust tests (unit, golden pages, CLI, properties)
test-native:
	cargo test --locked --features cli

## the core's browser bindings in headless Chromium and Firefox (what wasm-pack test runs)
test-wasm: setup
	$(WASM_TEST) env -u GECKODRIVER cargo test --locked --target wasm32-unknown-unknown --test web
	$(WASM_TEST) GECKODRIVER="$$(command -v geckodriver)" cargo test --locked --target wasm32-unknown-unknown --test web

## the extension's pure JavaScript modules in Node (export builder, settings merge)
test-js:
	node --test --test-reporter=spec tests/js/

## the built extension in both browsers against pages on 127.0.0.1, and web-ext lint
test-e2e: setup build build-test
	web-ext lint --source-dir dist/firefox --output text
	node scripts/package.mjs
	node scripts/check-rebuild.mjs
	DOSSIER_PACKAGED=1 cargo test --locked --features cli --test extension_rules -q -- packaged
	SHARED="$(SHARED)" node --test --test-concurrency=1 --test-reporter=spec tests/e2e/

## every test: lint, native, WASM in Chromium and Firefox, end to end
test: setup lint test-native test-js test-wasm test-e2e
	@echo "all tests passed"

## regenerate tests/pages/*/expected.json (review the diff)
golden: cli
	DOSSIER_BLESS=1 cargo test --locked --features cli --test golden
	@git --no-pager diff --stat -- tests/pages || true

## score the repeats benchmark (needs ../shared/data/repeats-dev)
eval-repeats: cli
	@test -d "$(SHARED)/data/repeats-dev" || { echo "eval-repeats needs the benchmark at $(SHARED)/data/repeats-dev (not part of a clone); set SHARED=/path/to/shared"; exit 2; }
	python3 scripts/eval_repeats.py --bench "$(SHARED)/data/repeats-dev"
	@if test -d "$(SHARED)/data/repeats-dev-natural"; then echo "natural repeats (fold / mark / none), 179 real pages:"; \
	  python3 scripts/eval_repeats.py --bench "$(SHARED)/data/repeats-dev-natural" --out target/repeats-natural-preds.json; fi
	@test -d "$(SHARED)/data/pages" && SHARED="$(SHARED)" nice cargo test --release --features cli --locked --test corpus_repeats -- --ignored --nocapture 2>&1 | grep -E "article text folded|panicked|FAILED" || true

# The entity taggers: English retrained from ../shared/data/ner and registry gazetteers into
# model/ner.bin, then each language of NER_LANGS from ../shared/data/ner-multi/<lang>/train.tsv
# (scored on its dev.tsv while training) into model/ner-<lang>.bin, one after another.
NER_LANGS ?= de es fr pt it nl pl
# Per language: features kept when their largest averaged weight reaches --min-weight (the
# model's size: at most 600 KB each), and passes over the data; chosen on the dev splits.
# --ext: feature extensions (features.rs; 1 is the default for these languages): 2 scores every
# token (Italian), 4 reads the word-frequency bands (Portuguese; no gain elsewhere,
# docs/ner-languages.md).
NER_OPTS_de ?= --min-weight 2.8 --epochs 12
NER_OPTS_es ?= --min-weight 2 --epochs 10 --doc-sentences 10
NER_OPTS_fr ?= --min-weight 2 --epochs 10
NER_OPTS_it ?= --min-weight 2 --epochs 10 --ext 3
NER_OPTS_nl ?= --min-weight 2 --epochs 10
NER_OPTS_pl ?= --min-weight 2 --epochs 10
NER_OPTS_pt ?= --min-weight 2 --epochs 10 --ext 5
# How many of a language's most frequent words (PyPI wordfreq) go into the frequency bands that
# --ext 4 (features::EXT_FREQ) reads; the trainer drops the bands from a model without it.
FREQ_TOP ?= 30000
## retrain the entity taggers: English into model/ner.bin, then model/ner-<lang>.bin for NER_LANGS (needs ../shared/data/ner and ner-multi)
model: setup-build
	@test -f "$(SHARED)/data/ner/conll2003-eng.train" || { echo "make model needs $(SHARED)/data/ner (not part of a clone); set SHARED=/path/to/shared"; exit 2; }
	NER_DATA="$(SHARED)/data/ner" node scripts/gazetteers.mjs
	cargo run --release --locked --features train -- train --train "$(SHARED)/data/ner/conll2003-eng.train" \
	  --dev "$(SHARED)/data/ner/conll2003-eng.testa" --gaz target/gaz --gaz-extra target/gaz-extra --out model/ner.bin
	@$(MAKE) --no-print-directory model-langs

define train_lang
	@echo "== $(1)"
	NER_MULTI="$(SHARED)/data/ner-multi" node scripts/gazetteers-lang.mjs $(1)
	python3 -c "import wordfreq" 2>/dev/null || python3 -m pip install --quiet wordfreq==3.1.1
	python3 scripts/freq-bands.py $(1) target/gaz-$(1) --top $(FREQ_TOP)
	nice target/release/dossier train --lang $(1) --train "$(SHARED)/data/ner-multi/$(1)/train.tsv" \
	  --dev "$(SHARED)/data/ner-multi/$(1)/dev.tsv" --gaz target/gaz-$(1) --out model/ner-$(1).bin $(NER_OPTS_$(1))

endef
## retrain only the taggers of NER_LANGS (make model-langs NER_LANGS=de) into model/ner-<lang>.bin
model-langs: setup-build
	@test -f "$(SHARED)/data/ner-multi/de/train.tsv" || { echo "make model needs $(SHARED)/data/ner-multi (not part of a clone); set SHARED=/path/to/shared"; exit 2; }
	cargo build --release --locked --features train
	$(foreach l,$(NER_LANGS),$(call train_lang,$(l)))

## entity-level P/R/F1 (conlleval rules): English on CoNLL-2003 testa and WikiGold, then each language's dev split (needs ../shared/data)
eval-ner: cli
	@test -f "$(SHARED)/data/ner/conll2003-eng.testa" || { echo "eval-ner needs $(SHARED)/data/ner (not part of a clone); set SHARED=/path/to/shared"; exit 2; }
	@for f in conll2003-eng.testa wikigold.conll; do \
	  $(CLI) tag --conll "$(SHARED)/data/ner/$$f" > target/$$f.tagged && python3 scripts/conlleval.py target/$$f.tagged --name $$f; done
	@test -d "$(SHARED)/data/ner-multi" || { echo "eval-ner: no $(SHARED)/data/ner-multi, languages other than English skipped"; exit 0; }
	@for l in $(NER_LANGS); do \
	  $(CLI) tag --lang $$l --conll "$(SHARED)/data/ner-multi/$$l/dev.tsv" > target/ner-$$l-dev.tagged && \
	  python3 scripts/conlleval.py target/ner-$$l-dev.tagged --name "$$l dev ($$(du -k model/ner-$$l.bin | cut -f1) KB model)"; done

## every entity on the German and Spanish real pages that is a dictionary word of the training data, for review by hand (needs ../shared/data/pages and ner-multi)
eval-langs: cli
	@test -d "$(SHARED)/data/pages" -a -d "$(SHARED)/data/ner-multi" || { echo "eval-langs needs $(SHARED)/data/pages and ner-multi (not part of a clone); set SHARED=/path/to/shared"; exit 2; }
	python3 scripts/common_nouns.py --pages "$(SHARED)/data/pages" --ner-multi "$(SHARED)/data/ner-multi" --cli $(CLI)

## entities per article on hand-labelled real pages (needs ../shared/data/pages)
eval-entities: cli
	@test -d "$(SHARED)/data/pages" || { echo "eval-entities needs $(SHARED)/data/pages (not part of a clone); set SHARED=/path/to/shared"; exit 2; }
	python3 scripts/eval_entities.py --pages "$(SHARED)/data/pages"

## entities, dates, quantities and quotes on SPEC-labelled pages (dev and held-out apart), then the older labels (needs ../shared/data)
eval-facts: cli
	@test -d "$(SHARED)/data/facts-dev" || { echo "eval-facts needs $(SHARED)/data/facts-dev and pages (not part of a clone); set SHARED=/path/to/shared"; exit 2; }
	@echo "pages labelled by ../shared/SPEC.md (held-out: never tuned on; docs/accuracy.md):"
	SHARED="$(SHARED)" python3 scripts/eval_spec.py
	@echo "the project's own earlier labels (tests/facts) and the sentence table:"
	python3 scripts/eval_facts.py --pages "$(SHARED)/data/pages"
	@echo "peers on the same sentences:"
	@node scripts/peers_facts.mjs

## every evaluation above
eval: eval-repeats eval-ner eval-langs eval-entities eval-facts

# Every page of ../shared/data/pages with the extension in both browsers: no error of
# Dossier's own, and the DOM after "Show all" equals the page without Dossier.
# SCRIPTS=on: with the pages' own scripts running (every request but 127.0.0.1's refused and
# counted), each page checked once it settles: placeholders, no double fold, "Show all" gives
# back the settled DOM, a fresh analysis folds the same (tests/e2e/live-check.mjs).
# Slow (a page load per page and browser, twice): not part of make test.
SCRIPTS ?= off
## every real page with the extension in both browsers (SCRIPTS=on: with their own scripts; needs ../shared/data/pages)
corpus-check: setup build build-test
	node scripts/corpus-check.mjs --pages "$(SHARED)/data/pages" --scripts $(SCRIPTS)

# One browser session per browser reads 1,000 pages (the corpus three times and the hostile
# pages, page scripts on, no request leaves the machine), the sidebar opened on every tenth:
# no error, the background's memory flat after warm-up, still answering at the end.
# Long (tens of minutes per browser): not part of make test. SOAK_PAGES to change the count.
SOAK_PAGES ?= 1000
## one long reading session per browser: 1,000 pages, errors and memory (needs ../shared/data/pages)
soak: setup build build-test
	@test -d "$(SHARED)/data/pages" || { echo "make soak needs the real pages at $(SHARED)/data/pages (not part of a clone); set SHARED=/path/to/shared"; exit 2; }
	SHARED="$(SHARED)" node scripts/soak.mjs --pages $(SOAK_PAGES)

## remove target/ and dist/
clean:
	cargo clean
	rm -rf dist

# Fuzzing (cargo-fuzz, libFuzzer): each target in fuzz/fuzz_targets/ for FUZZ_SECONDS, one after another.
# Needs the nightly toolchain (rustup toolchain install nightly) and cargo-fuzz (cargo install cargo-fuzz --locked).
# New corpus entries go to fuzz/target/corpus/<target> (ignored); fuzz/corpus/<target> holds the committed seeds.
# First the large-input time tests of tests/robustness.rs (release build; `cargo test` skips them in debug).
# A crash or timeout stops the run and is saved under fuzz/artifacts/<target>/ (reproduce: cargo +nightly fuzz run <target> <file>).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= analyze html tagger packed
FUZZ_ARGS ?=
## each fuzz target for FUZZ_SECONDS (needs nightly Rust and cargo-fuzz)
fuzz:
	@cargo +nightly --version >/dev/null 2>&1 || { echo "make fuzz needs the nightly toolchain: rustup toolchain install nightly"; exit 2; }
	@cargo fuzz --version >/dev/null 2>&1 || { echo "make fuzz needs cargo-fuzz: cargo install cargo-fuzz --locked"; exit 2; }
	cargo test --locked --release --features cli --test robustness
	@for t in $(FUZZ_TARGETS); do \
	  echo "== fuzz $$t for $(FUZZ_SECONDS)s"; \
	  mkdir -p fuzz/target/corpus/$$t; \
	  cargo +nightly fuzz run --fuzz-dir fuzz $$t fuzz/target/corpus/$$t fuzz/corpus/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 $(FUZZ_ARGS) || exit 1; \
	done

# Speed and size (issue "Performance and size"): the core natively and in both browsers, the peers
# (Readability, compromise) on the same pages, scaling to 10 MB, the content script's main-thread time,
# and the shipped sizes. Prints a table and one final BENCH line; writes target/bench/results.json.
# Needs the real pages in $(SHARED)/data/pages. Takes several minutes: never part of `make test`.
## speed and size against baselines in the same run (needs ../shared/data/pages)
bench: setup build build-test bench-memory
	@test -d "$(SHARED)/data/pages" || { echo "make bench needs the real pages at $(SHARED)/data/pages (not part of a clone); set SHARED=/path/to/shared"; exit 2; }
	@SHARED="$(SHARED)" node scripts/bench.mjs

# Fails (and says which) when a budget of scripts/bench.mjs (BUDGETS) is exceeded; reuses the last
# results when they were measured on the current build, else measures first.
## fail when a speed or size budget is exceeded (needs ../shared/data/pages)
bench-check: setup build build-test
	@test -d "$(SHARED)/data/pages" || { echo "make bench-check needs the real pages at $(SHARED)/data/pages (not part of a clone); set SHARED=/path/to/shared"; exit 2; }
	@SHARED="$(SHARED)" node scripts/bench.mjs --check

# The CLI's batch mode (`analyze --jsonl`) against trafilatura on the same pages, one core each,
# and ours on every core (scripts/bench_batch.py; trafilatura goes into target/bench/venv from PyPI).
# Part of `make bench` too; this runs it alone, without browsers, in about a minute.
## batch pages/s per core of the CLI against trafilatura (needs ../shared/data/pages)
bench-batch: cli
	@test -d "$(SHARED)/data/pages" || { echo "make bench-batch needs the real pages at $(SHARED)/data/pages (not part of a clone); set SHARED=/path/to/shared"; exit 2; }
	python3 scripts/bench_batch.py --pages "$(SHARED)/data/pages" --json target/bench/batch.json

# Issue 25's speed target: each language's median page against English's, cold (its model read
# from the package and registered first) and warm, in both browsers (scripts/bench/langs.mjs).
# Part of `make bench` too; this runs it alone in about a minute.
## languages' page times against English's, both browsers (needs ../shared/data/pages)
bench-langs: setup build build-test
	@test -d "$(SHARED)/data/pages" || { echo "make bench-langs needs the real pages at $(SHARED)/data/pages (not part of a clone); set SHARED=/path/to/shared"; exit 2; }
	@SHARED="$(SHARED)" node scripts/bench.mjs --langs

# "Already read" (issue 21 part 1): one page looked up against a full store (50,000 paragraphs),
# natively; budget 1 ms a page. Self-contained (tests/memory fixtures), part of `make bench`.
## the "already read" lookup at a full store, natively (benches/memory.rs)
bench-memory:
	cargo bench --locked --features cli --bench memory
