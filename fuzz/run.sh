#!/usr/bin/env bash
# `make fuzz`: runs each fuzz target for FUZZ_SECONDS (default 60) on nightly, seeded with
# the shipped surveys and the test fixtures. Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-60}"
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "error: cargo fuzz needs a nightly toolchain: rustup toolchain install nightly" >&2
  exit 1
fi
if ! cargo fuzz --version 2>/dev/null | grep -q "0.13.2"; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
mkdir -p corpus/survey_loader corpus/saved_response
cp ../public/surveys/*.json ../tests/fixtures/surveys/*.json corpus/survey_loader/
printf '%s' '{"survey_id":"partner-experience","profile":{"region":"emea"},"ratings":{"leads":{"importance":4,"performance":2}}}' \
  > corpus/saved_response/seed.json
for target in survey_loader saved_response; do
  echo "==> fuzzing $target for ${seconds}s"
  cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -max_len=1100000 2>&1 |
    grep -E "^(#[0-9]+ *DONE|Done [0-9]+ runs)|ERROR|panicked" || true
done
