#!/usr/bin/env bash
# Installs what `make run` / `make test` need when it is missing, and says what
# to do where it cannot. Idempotent: every step checks the version first, so a
# second run costs a few hundred milliseconds.
#
# Usage: scripts/setup.sh [build|browsers|all]
#   build     Rust WASM target, wasm-bindgen CLI, wasm-pack, npm packages
#   browsers  + Chromium, ChromeDriver, Firefox ESR, geckodriver
#   all       everything (default)
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-all}"
# The CLI must match the `wasm-bindgen` pinned in Cargo.toml exactly.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -1)"
WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }
# step "what" "about how long" CMD...: quiet, timed, output shown if it fails.
step() { scripts/step.sh "$@"; }

have_version() { # have_version CMD VERSION
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"
}

export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null || die "cargo not found: install Rust from https://rustup.rs (rustup), then run this again"
command -v npm >/dev/null || die "npm not found: install Node.js 20+ (e.g. apt-get install nodejs npm), then run this again"

# The browsers come from the system's packages and need root: find out first,
# ask for the password once, and install them now, before the long builds,
# so the run never stops for a password in the middle.
need_apt=()
if [ "$what" != build ]; then
  command -v chromium >/dev/null || need_apt+=(chromium)
  command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
  command -v firefox-esr >/dev/null || command -v firefox >/dev/null || need_apt+=(firefox-esr)
  # Without recommends no font comes along: the screenshot and layout tests need one.
  { [ ${#need_apt[@]} -gt 0 ] && ! fc-list 2>/dev/null | grep -q .; } && need_apt+=(fonts-dejavu-core)
fi
SUDO=
if [ ${#need_apt[@]} -gt 0 ] && [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null \
    || die "missing ${need_apt[*]}: install them with your package manager (Debian: apt-get install --no-install-recommends ${need_apt[*]}), then run this again"
  SUDO=sudo
  say "the browsers for the tests (${need_apt[*]}) come from apt and need sudo: asking once, now"
  sudo -v || die "sudo failed: install ${need_apt[*]} by hand (apt-get install --no-install-recommends ${need_apt[*]})"
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  # Only what the tests use: recommended packages would bring ~150 more
  # (avahi, samba libraries, cups helpers, udev) and upgrade system packages.
  step "installing ${need_apt[*]} from the system's packages" "about 1-2 minutes, once" \
    bash -c "$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends ${need_apt[*]}" \
    || die "apt-get install ${need_apt[*]} failed; install them by hand"
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "adding the Rust target wasm32-unknown-unknown" "about 20 s, once" \
    rustup target add wasm32-unknown-unknown || die "could not add the wasm32 target: run 'rustup target add wasm32-unknown-unknown'"
fi

if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  # NOTE: no --locked: a locked dependency of the CLI is newer than some registries serve.
  step "compiling wasm-bindgen-cli $WASM_BINDGEN_VERSION (turns the WASM into a JS module)" "about 2-3 minutes, once" \
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
    || die "cargo install wasm-bindgen-cli failed; install it by hand with the same command"
fi

if ! have_version wasm-pack "$WASM_PACK_VERSION"; then
  step "compiling wasm-pack $WASM_PACK_VERSION (runs the core's tests in the browsers)" "about 2 minutes, once" \
    cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked \
    || die "cargo install wasm-pack failed; install it by hand with the same command"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing the JavaScript build and test tools (npm ci)" "about 15 s" \
    npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed; check that the npm registry is reachable"
fi

[ "$what" = build ] && exit 0

if ! have_version geckodriver "$GECKODRIVER_VERSION"; then
  # NOTE: the npm 'geckodriver' package downloads a binary from GitHub at install time,
  # which fails without general network access; crates.io has the real thing.
  step "compiling geckodriver $GECKODRIVER_VERSION (drives Firefox in the tests)" "about 2 minutes, once" \
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked \
    || die "cargo install geckodriver failed; install it by hand with the same command"
fi
