#!/usr/bin/env bash
# Installs what the build and tests need, from the package registries only, at pinned
# versions. Safe to run again: each step is skipped when its tool is already there.
#   bash .ci/install-tools.sh            toolchain target, trunk, wasm-bindgen, npm tools, crates
#   bash .ci/install-tools.sh --browser  the same, plus Debian's chromium and chromium-driver
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130 # must equal the pin in web/Cargo.toml and web/Trunk.toml

cd "$(dirname "$0")/.."
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$cargo_bin:$PATH"
say() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown || {
    echo "error: rustup could not add the wasm32-unknown-unknown target." >&2
    echo "       Run 'rustup target add wasm32-unknown-unknown' by hand, then retry." >&2
    exit 1
  }
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

# A fast, unoptimised release profile for the tools themselves: trunk installs in ~7 min
# instead of ~14 on two cores, and runs just as well for a build tool.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install "$@"
}
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION"
  fast_install trunk --version "$TRUNK_VERSION" --locked
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # No --locked: the crate's own lock file names a crate version the registry no longer has.
  fast_install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm ci brings wasm-opt (binaryen 132), Playwright and axe-core; browsers never download.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev tools"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# Trunk builds offline, so every crate must be in the local registry first.
cargo fetch --quiet

if [ "${1:-}" = "--browser" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(node_modules/.bin/wasm-opt --version | cut -d' ' -f3)"
