# PartnerLens: `make serve` to develop, `make test` for everything CI checks.
# Each target installs what it needs first (.ci/install-tools.sh), from package registries only.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export CHROMEDRIVER := /usr/bin/chromedriver
WASM := --target wasm32-unknown-unknown

.PHONY: serve test tools tools-browser lint unit web-test build e2e lighthouse bench fuzz clean

## serve: build the app and serve it on http://127.0.0.1:8080 with live reload
serve: tools
	cd web && trunk serve

## test: formatting, lints (host and wasm32), host tests, browser tests, release builds, end-to-end tests, Lighthouse
test: tools-browser lint unit web-test build e2e lighthouse

tools:
	bash .ci/install-tools.sh

tools-browser:
	bash .ci/install-tools.sh --browser

## lint: the engine and the CLI on the host; the engine and the web app on wasm32
lint:
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy -p partnerlens-engine --lib $(WASM) -- -D warnings
	cargo clippy -p partnerlens-web --all-targets $(WASM) -- -D warnings

unit:
	cargo test

web-test:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test -p partnerlens-web $(WASM)

build: tools-browser
	cd web && trunk build --release
	node tools/prerender.mjs dist /
	node tools/offline.mjs dist
	cd web && trunk build --release --public-url /assess/ --dist ../dist-assess
	node tools/prerender.mjs dist-assess /assess/
	node tools/offline.mjs dist-assess

e2e:
	npx playwright test

## lighthouse: accessibility, best practices and SEO at 100 on the partner page, the results and
## the dashboard with a data set, in both builds (performance is `make bench`'s)
lighthouse:
	node tests/lighthouse.mjs

## bench: PartnerLens side by side with a hand-written floor page and SurveyJS (with Lighthouse),
## bundle sizes, time to the first question, memory, the dashboard on 10,000 responses,
## aggregation of 10,000 responses. Every step runs; it fails if any missed its targets.
## (not part of `make test`)
bench: tools-browser
	cd web && trunk build --release
	node tools/prerender.mjs dist /
	node tools/offline.mjs dist
	cd benches/peers && npm ci --no-audit --no-fund
	node benches/peers/build.mjs
	status=0; \
	node benches/side_by_side.mjs || status=1; \
	node benches/page_load.mjs || status=1; \
	node benches/dashboard_load.mjs || status=1; \
	cargo bench -p partnerlens-engine --bench aggregate || status=1; \
	exit $$status

## fuzz: run the survey-loader fuzz target for a while (needs nightly; not part of `make test`)
fuzz:
	bash fuzz/run.sh

clean:
	cargo clean
	rm -rf dist dist-assess test-results playwright-report
