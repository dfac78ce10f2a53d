#!/usr/bin/env bash
# Idempotent installer for Clerk's PDF engine: WeasyPrint 70.0 and
# tools/clerk_weasyprint.py, installed as .venv-pdf/bin/clerk-weasyprint (where
# `clerk build` looks for it; CLERK_WEASYPRINT overrides).
#  - Debian packages: the native libraries WeasyPrint loads with dlopen
#    (pango, pangoft2, harfbuzz + harfbuzz-subset, gobject, fontconfig) and a
#    FIXED font set (DejaVu + Liberation 2), so page breaks - and therefore the
#    "(Pages X - Y)" numbers - are the same on every machine.
#  - Python venv at <repo>/.venv-pdf from tools/requirements-pdf.txt (fully
#    pinned, installed --no-deps, wheels only).
# Fast path (everything present): one ldconfig call and a few stat calls, no
# pip/apt invocation. Prints the installed engine's path last.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-pdf"
REQS="$ROOT/tools/requirements-pdf.txt"
STAMP="$VENV/.pdf-setup-stamp"
LOG="$(mktemp -t pdf-setup.XXXXXX)"
trap 'rm -f "$LOG"' EXIT
# The stamp records the requirements file it was built from; editing the pins
# triggers a reinstall on the next run.
WANT_STAMP="v1 $(cksum < "$REQS")"

step() { printf 'pdf-setup: %s\n' "$*"; }
# Run a noisy command quietly; show its output only if it fails.
quiet() { if ! "$@" >"$LOG" 2>&1; then cat "$LOG" >&2; step "FAILED: $*"; exit 1; fi; }

# --- 1. Debian packages -----------------------------------------------------
missing=()
LIBS="$(/sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null || true)"
has_lib() { grep -q "[[:space:]]$1 " <<<"$LIBS"; }
has_lib libpango-1.0.so.0         || missing+=(libpango-1.0-0)
has_lib libpangoft2-1.0.so.0      || missing+=(libpangoft2-1.0-0)
has_lib libharfbuzz.so.0          || missing+=(libharfbuzz0b)
has_lib libharfbuzz-subset.so.0   || missing+=(libharfbuzz-subset0)
has_lib libgobject-2.0.so.0       || missing+=(libglib2.0-0)
has_lib libfontconfig.so.1        || missing+=(libfontconfig1)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation2)
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
  PY=/usr/bin/python3; [ -x "$PY" ] || PY="$(command -v python3)"
else
  step "Debian packages present (pango, pangoft2, harfbuzz-subset, fontconfig, DejaVu + Liberation 2 fonts)"
fi

# --- 2. Python venv ---------------------------------------------------------
if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT_STAMP" ]; then
  step "venv up to date: $VENV"
else
  if [ ! -x "$VENV/bin/python" ]; then
    step "creating venv $VENV"
    quiet "$PY" -m venv "$VENV"
  fi
  step "pip install -r tools/requirements-pdf.txt (--no-deps, wheels only, pinned)"
  quiet "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
    --no-deps --only-binary=:all: -r "$REQS"
  # One real import: catches a missing native library right here rather than
  # at the first render.
  step "checking: import weasyprint (native libraries load)"
  quiet "$VENV/bin/python" -c 'import weasyprint, sys; assert weasyprint.__version__ == "70.0", weasyprint.__version__'
  echo "$WANT_STAMP" > "$STAMP"
fi

# --- 3. The engine script, with the venv's python as its interpreter --------
ENGINE="$VENV/bin/clerk-weasyprint"
WANT_ENGINE="$(printf '#!%s\n' "$VENV/bin/python"; tail -n +2 "$ROOT/tools/clerk_weasyprint.py")"
if [ ! -x "$ENGINE" ] || [ "$(cat "$ENGINE")" != "$WANT_ENGINE" ]; then
  step "installing $ENGINE"
  printf '%s\n' "$WANT_ENGINE" > "$ENGINE.tmp"
  chmod 755 "$ENGINE.tmp"
  mv -f "$ENGINE.tmp" "$ENGINE"
fi

step "ready: $ENGINE"
echo "$ENGINE"
