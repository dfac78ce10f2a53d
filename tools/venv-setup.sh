#!/usr/bin/env bash
# Idempotent installer for one pinned Python venv:
#   tools/venv-setup.sh VENV REQUIREMENTS [PYTHON-CHECK]
# creates <repo>/VENV (python3-venv from apt when missing, as root), installs
# REQUIREMENTS (fully pinned, --no-deps, wheels only) and runs PYTHON-CHECK
# (a line of Python) with the venv's interpreter to prove the install works.
# Fast path (the venv built from these exact pins): a few stat calls.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/$1"
REQS="$ROOT/$2"
CHECK="${3:-}"
NAME="$(basename "$VENV")"
STAMP="$VENV/.setup-stamp"
WANT_STAMP="v1 $(cksum < "$REQS")"
LOG="$(mktemp -t venv-setup.XXXXXX)"
trap 'rm -f "$LOG"' EXIT

step() { printf '%s: %s\n' "$NAME" "$*"; }
quiet() { if ! "$@" >"$LOG" 2>&1; then cat "$LOG" >&2; step "FAILED: $*"; exit 1; fi; }

if [ -x "$VENV/bin/python" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT_STAMP" ]; then
  step "up to date"
  exit 0
fi

PY=/usr/bin/python3; [ -x "$PY" ] || PY="$(command -v python3 || true)"
if [ -z "$PY" ] || { [ ! -x "$VENV/bin/python" ] && ! "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1; }; then
  cmd="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 python3-venv"
  if [ "$(id -u)" -ne 0 ]; then
    step "python3-venv is missing; run as root:"
    echo "  sudo sh -c '$cmd'"
    exit 1
  fi
  step "apt-get install python3 python3-venv"
  quiet sh -c "$cmd"
  PY=/usr/bin/python3
fi
if [ ! -x "$VENV/bin/python" ]; then
  step "creating $VENV"
  quiet "$PY" -m venv "$VENV"
fi
step "pip install -r $2 (--no-deps, wheels only, pinned)"
quiet "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps --only-binary=:all: -r "$REQS"
if [ -n "$CHECK" ]; then
  step "checking: $CHECK"
  quiet "$VENV/bin/python" -c "$CHECK"
fi
echo "$WANT_STAMP" > "$STAMP"
step "ready"
