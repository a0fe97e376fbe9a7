#!/usr/bin/env bash
# `make fuzz`: runs each fuzz target (or those in FUZZ_TARGETS) for FUZZ_SECONDS (default 60)
# on nightly, seeded with the shipped surveys, the test fixtures, generated responses and a
# share link. Fails on the first crash.
# Not part of `make test`.
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
targets="survey_loader saved_response response_rows personal_link share_link results_file dashboard_file stored_set merge survey_address editor_draft"
for target in $targets; do mkdir -p "corpus/$target"; done
cp ../web/public/surveys/*.json ../tests/fixtures/surveys/*.json corpus/survey_loader/
printf '%s' '{"survey_id":"partner-experience","profile":{"region":"emea"},"ratings":{"leads":{"importance":4,"performance":2}}}' \
  > corpus/saved_response/seed.json
printf '%s' '{"storage_version":1,"created_at":5,"updated_at":9,"changed_at":{"/ratings/leads/importance":9,"/profile/wave":7},"response":{"id":"a1","survey_id":"partner-experience","ratings":{"leads":{"importance":4}}}}' \
  > corpus/saved_response/seed-v1.json
cargo run --quiet --manifest-path ../Cargo.toml --bin partnerlens -- generate \
  --survey ../web/public/surveys/partner-experience.json --count 3 --seed 1 > corpus/response_rows/generated.json
printf '%s' 'partner=Acme&region=emea&type=solution-reseller&tier=gold&side=partner&wave=2026&survey=x.json' \
  > corpus/personal_link/seed.txt
cp seeds/share-link.txt corpus/share_link/
cp ../tests/fixtures/results/*.json corpus/results_file/
cp ../tests/fixtures/results/*.json corpus/response_rows/generated.json corpus/dashboard_file/
printf '{"format_version":1,"responses":%s}' "$(cat corpus/response_rows/generated.json)" \
  > corpus/stored_set/seed.json
printf '\000\003\010\001\004\012\002\000\011\003\005\011' > corpus/merge/seed.bin
printf '%s' '{"version":1,"value":{"title":{"en":"A"}},"origin":{"title":{"en":"B"}},"name":"s.json","done":[{"undo":[{"op":"put","at":["title","en"],"value":"B"}],"redo":[{"op":"put","at":["title","en"],"value":"A"}]}],"undone":[]}' \
  > corpus/editor_draft/seed.json
printf '%s' 'surveys/extended-example.json' > corpus/survey_address/seed.txt
# Every target is built first, so that a target that no longer compiles is reported as such
# rather than as a failing input.
for target in ${FUZZ_TARGETS:-$targets}; do
  cargo +nightly fuzz build "$target"
done
log=$(mktemp)
# Inputs up to 1 MB, the size of the largest survey the app reads, so that size-driven
# problems are within reach.
for target in ${FUZZ_TARGETS:-$targets}; do
  echo "==> fuzzing $target for ${seconds}s"
  if ! cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" \
    -max_len=1048576 >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "error: $target found a failing input; it is saved under fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E "^Done [0-9]+ runs" "$log" || tail -n 3 "$log"
done
