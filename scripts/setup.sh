#!/usr/bin/env bash
# Install whatever Quoteline needs that is missing, and nothing else.
#
#   scripts/setup.sh          same as `serve`
#   scripts/setup.sh serve    Rust wasm target, trunk, wasm-bindgen-cli, npm tools (wasm-opt)
#   scripts/setup.sh test     all of the above, plus Debian's chromium and chromium-driver
#
# Idempotent: every step checks first, so a second run takes seconds.
# Works as root on a fresh Debian machine (uses sudo for apt-get otherwise).
# Never installs Debian's binaryen or the wasm-opt crate: both are older than the
# wasm-opt trunk expects; the npm package binaryen@132.0.0 provides it instead.
set -euo pipefail

mode="${1:-serve}"
case "$mode" in
  serve|dist|test) ;;
  *) echo "usage: $0 [serve|test]" >&2; exit 2 ;;
esac

TRUNK_VERSION="0.21.14"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$root/e2e/node_modules/.bin:$PATH"

if [ -t 1 ]; then blue=$'\033[1;34m' green=$'\033[1;32m' red=$'\033[1;31m' plain=$'\033[0m'
else blue="" green="" red="" plain=""; fi
say()  { printf '%ssetup:%s %s\n' "$blue" "$plain" "$*"; }
ok()   { printf '%ssetup:%s %s\n' "$green" "$plain" "$*"; }
die()  { printf '%ssetup:%s %s\n' "$red" "$plain" "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found: $2"; }

started=$(date +%s)

# --- Rust toolchain -------------------------------------------------------------
need cargo "install Rust with rustup (https://rustup.rs) so that ~/.cargo/bin/cargo exists"
need rustup "the wasm32 target is added with rustup"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  ok "rust target wasm32-unknown-unknown present"
else
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- clippy and rustfmt (make test lints with both) ----------------------------------
if [ "$mode" = test ]; then
  for component in clippy rustfmt; do
    probe="cargo-clippy"; [ "$component" = rustfmt ] && probe="rustfmt"
    if "$probe" --version >/dev/null 2>&1; then
      ok "$component present"
    else
      say "adding rust component $component"
      rustup component add "$component"
    fi
  done
fi

# --- trunk ------------------------------------------------------------------------
have_trunk="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_trunk" = "$TRUNK_VERSION" ]; then
  ok "trunk $TRUNK_VERSION present"
else
  say "installing trunk $TRUNK_VERSION (found: ${have_trunk:-none}); this takes ~10 min on 2 cores"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# --- wasm-bindgen-cli, exactly the version in Cargo.lock ---------------------------
# trunk only uses the wasm-bindgen on PATH when its version equals Cargo.lock's;
# otherwise it tries to download one, which fails without internet.
if [ ! -f Cargo.lock ]; then
  say "no Cargo.lock yet: generating it"
  cargo generate-lockfile
fi
wbg_version="$(awk '
  /^\[\[package\]\]/ { name = "" }
  /^name = / { name = $3; gsub(/"/, "", name) }
  /^version = / && name == "wasm-bindgen" { v = $3; gsub(/"/, "", v); print v; exit }
' Cargo.lock)"
[ -n "$wbg_version" ] || die "could not find the wasm-bindgen version in Cargo.lock"
have_wbg="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wbg" = "$wbg_version" ] && [ "$have_runner" = "$wbg_version" ]; then
  ok "wasm-bindgen-cli $wbg_version present (matches Cargo.lock)"
else
  say "installing wasm-bindgen-cli $wbg_version (found: ${have_wbg:-none}); this takes ~5 min on 2 cores"
  # Without --locked: the registry mirror lacks one crate of its lock file.
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

# --- npm tools: wasm-opt (binaryen), playwright-core, axe-core ----------------------
need node "install Node.js (Debian: apt-get install nodejs npm)"
need npm "install npm (Debian: apt-get install npm)"
lock="e2e/package-lock.json"
stamp="e2e/node_modules/.quoteline-lock.sha256"
want_stamp="$(sha256sum "$lock" | awk '{print $1}')"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_stamp" ] && [ -x e2e/node_modules/.bin/wasm-opt ]; then
  ok "npm packages in e2e/ up to date with package-lock.json"
else
  say "installing npm packages in e2e/ (npm ci)"
  (cd e2e && npm ci --no-audit --no-fund)
  echo "$want_stamp" > "$stamp"
fi
wasm_opt_version="$(wasm-opt --version 2>/dev/null || true)"
case "$wasm_opt_version" in
  *version_132*) ok "wasm-opt: $wasm_opt_version ($(command -v wasm-opt))" ;;
  *) die "wasm-opt on PATH is '$wasm_opt_version' at $(command -v wasm-opt || echo none); expected version 132 from e2e/node_modules" ;;
esac

# --- browser and Java for tests ------------------------------------------------------
# Debian packages the test tiers need and a fresh machine may lack: Chromium and its
# driver (test-wasm, test-e2e), a Java runtime for Spark (test-engine).
if [ "$mode" = test ]; then
  missing=()
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    ok "chromium and chromedriver present"
  else
    missing+=(chromium chromium-driver)
  fi
  if command -v java >/dev/null; then
    ok "java present ($(java -version 2>&1 | head -1))"
  else
    missing+=(openjdk-17-jre-headless)
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then
      need sudo "run as root or install sudo to let apt-get install ${missing[*]}"
      sudo="sudo"
    fi
    apt_install() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; }
    say "installing Debian ${missing[*]}"
    if ! apt_install; then
      say "apt-get install failed; running apt-get update and trying again"
      $sudo apt-get update
      apt_install
    fi
  fi
fi

ok "done in $(( $(date +%s) - started ))s (mode: $mode)"
