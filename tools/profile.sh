#!/usr/bin/env bash
# make profile: where a full build's CPU goes, by part (load and parse,
# templates, pages, audit, writes, kernel): `perf record -g` over a --full
# build of a bench archive into memory, then tools/profile_parts.py.
# ARCHIVE=... to profile another archive (the medium bench archive by default).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${BENCH_DIR:-/tmp/clerk-bench}
ARCHIVE=${ARCHIVE:-$WORK/archive-medium}
MEMORY=$( [ -d /dev/shm ] && echo /dev/shm || echo "$WORK" )
if ! command -v perf >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing perf (linux-perf)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf >/dev/null
  else
    echo "make profile needs perf: sudo apt-get install linux-perf"; exit 1
  fi
fi
if [ ! -f "$ARCHIVE/site.yml" ]; then
  mkdir -p "$WORK"
  echo "Generating the medium bench archive in $ARCHIVE…"
  python3 "${SHARED:-../shared}/bench/gen_archive.py" --preset medium --out "$ARCHIVE" --jobs 2 >/dev/null
fi
OUT=$MEMORY/clerk-profile-out
DATA=$WORK/profile.data
rm -rf "$OUT" "$MEMORY/.clerk-profile-out.clerk-times"
perf record -q -F 499 -g -o "$DATA" .build/release/clerk build "$ARCHIVE" --out "$OUT" --no-pdf --no-search --quiet --full
rm -rf "$OUT" "$MEMORY/.clerk-profile-out.clerk-times"
perf script -i "$DATA" 2>/dev/null | python3 tools/profile_parts.py
