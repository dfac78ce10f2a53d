#!/usr/bin/env bash
# make bench: the four speed figures of issue 15, each beside its target,
# with the floor measured in the same run:
#   1. full build of the medium archive  <= 2 x the floor
#   2. no-op rebuild (nothing changed)    <= 10% of the full build
#   3. one-item edit rebuild              <= 10% of the full build
#   4. full build of the large archive   <= 2 x its floor, in <= 1 GiB
# and, on the medium archive, how long `clerk serve` takes to show an edit
# (<= 1 s; tools/bench_serve.py, its work folder in memory too).
# The floor is cmark-gfm alone: two processes side by side (the file list
# split in two), each writing its HTML, with the same extensions and options
# Clerk uses. Everything writes into memory (/dev/shm) when there is one,
# so the figures measure Clerk rather than this machine's disk. Builds use
# --no-pdf --no-search (WeasyPrint's and Pagefind's own work is left out).
# On medium it also prints, for comparison and not as a target, how long
# writing the full build's files alone takes (tools/write_floor.c: the bytes
# already in memory, two processes side by side).
# PRESETS="medium large" (the default) or e.g. PRESETS=medium for a quick run.
set -euo pipefail
cd "$(dirname "$0")/.."
PRESETS=${PRESETS:-medium large}
SHARED=${SHARED:-../shared}
WORK=${BENCH_DIR:-/tmp/clerk-bench}
MEMORY=$( [ -d /dev/shm ] && echo /dev/shm || echo "$WORK" )
CLERK=.build/release/clerk
mkdir -p "$WORK"

if ! command -v cmark-gfm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing the cmark-gfm command (the floor)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmark-gfm >/dev/null
  else
    echo "The benchmark's floor needs the cmark-gfm command: sudo apt-get install cmark-gfm"; exit 1
  fi
fi

now() { date +%s.%N; }
since() { python3 -c "import sys;print('%.2f'%(float(sys.argv[2])-float(sys.argv[1])))" "$1" "$(now)"; }

# The floor for a file list: two cmark-gfm processes at once, each writing its HTML into memory.
floor() {
  local list=$1 out=$2 half start
  half=$(( ($(wc -l < "$list") + 1) / 2 ))
  mkdir -p "$out"
  start=$(now)
  head -n "$half" "$list" | xargs -d '\n' cmark-gfm --smart --validate-utf8 --table-prefer-style-attributes \
    -e table -e strikethrough -e autolink -e tagfilter -e tasklist > "$out/first.html" &
  tail -n +"$((half + 1))" "$list" | xargs -d '\n' cmark-gfm --smart --validate-utf8 --table-prefer-style-attributes \
    -e table -e strikethrough -e autolink -e tagfilter -e tasklist > "$out/second.html" &
  wait
  since "$start"
  rm -rf "$out"
}

# One clerk build, timed: prints "<seconds> <peak MB>".
build() {
  local archive=$1 out=$2 log=$3
  /usr/bin/time -f "%e %M" -o "$log.time" "$CLERK" build "$archive" --out "$out" --no-pdf --no-search --quiet > "$log" 2>&1 || {
    tail -20 "$log"; exit 1; }
  awk '{printf "%.2f %d\n", $1, $2 / 1024}' "$log.time"
}

ratio() { python3 -c "import sys;print('%.2f'%(float(sys.argv[1])/float(sys.argv[2])))" "$1" "$2"; }
verdict() { python3 -c "import sys;print('within target' if float(sys.argv[1])<=float(sys.argv[2]) else 'OVER TARGET')" "$1" "$2"; }

for PRESET in $PRESETS; do
  ARCHIVE=$WORK/archive-$PRESET
  OUT=$MEMORY/clerk-bench-out-$PRESET
  if [ ! -f "$ARCHIVE/site.yml" ]; then
    echo "Generating the $PRESET archive in $ARCHIVE…"
    rm -rf "$ARCHIVE"
    python3 "$SHARED/bench/gen_archive.py" --preset "$PRESET" --out "$ARCHIVE" --jobs 2 >/dev/null
  fi
  LIST=$WORK/files-$PRESET.txt
  find "$ARCHIVE" -name '*.md' | sort > "$LIST"
  MEETINGS=$(find "$ARCHIVE" -name meeting.yml | wc -l)
  MB=$(python3 -c "import os,sys;print('%.1f'%(sum(os.path.getsize(l.strip()) for l in open(sys.argv[1]))/1e6))" "$LIST")
  xargs -d '\n' cat < "$LIST" > /dev/null  # warm the page cache for every run
  echo "preset $PRESET: $MEETINGS meetings, $MB MB of markdown"

  FLOOR=$(floor "$LIST" "$MEMORY/clerk-bench-floor-$PRESET")
  echo "  floor (cmark-gfm, two processes side by side, into memory): $FLOOR s"

  rm -rf "$OUT" "$MEMORY/.clerk-bench-out-$PRESET.clerk-times"
  read -r FULL RSS < <(build "$ARCHIVE" "$OUT" "$WORK/full-$PRESET.log")
  PAGES=$(find "$OUT" -name '*.html' | wc -l)
  echo "  full build:       $FULL s, $(ratio "$FULL" "$FLOOR") x the floor (target <= 2): $(verdict "$(ratio "$FULL" "$FLOOR")" 2); $PAGES pages; peak $RSS MB (target <= 1024): $(verdict "$RSS" 1024)"
  if [ "$PRESET" != large ] && command -v cc >/dev/null; then
    # For comparison, not a target: writing the same files alone (no making them).
    cc -O2 -o "$WORK/write_floor" tools/write_floor.c
    (cd "$OUT" && find . -type f | sed 's|^\./||' | sort) > "$WORK/written-$PRESET.txt"
    WRITES=$("$WORK/write_floor" "$OUT" "$WORK/written-$PRESET.txt" "$MEMORY/clerk-bench-writes-$PRESET")
    rm -rf "$MEMORY/clerk-bench-writes-$PRESET"
    echo "  (writing the build's $(wc -l < "$WORK/written-$PRESET.txt") files, $(du -sm "$OUT" | cut -f1) MB, alone, two processes: $WRITES s, $(ratio "$WRITES" "$FLOOR") x the floor)"
  fi

  if [ "$PRESET" != large ]; then
    read -r NOOP _ < <(build "$ARCHIVE" "$OUT" "$WORK/noop-$PRESET.log")
    echo "  no-op rebuild:    $NOOP s, $(ratio "$NOOP" "$FULL") of the full build (target <= 0.10): $(verdict "$(ratio "$NOOP" "$FULL")" 0.10)"
    # One public item's body, edited (and put back afterwards).
    ITEM=$(python3 - "$LIST" <<'PY'
import re, sys
for path in open(sys.argv[1]).read().split("\n"):
    if re.search(r"/[0-9]+-[^/]+\.md$", path):
        text = open(path).read()
        if "\naccess: exempt" not in text and text.count("\n") > 20:
            print(path)
            break
PY
)
    cp -p "$ITEM" "$WORK/item-backup.md"
    trap 'cp -p "$WORK/item-backup.md" "$ITEM"' EXIT
    printf '\nA paragraph added for the benchmark: the committee noted the report.\n' >> "$ITEM"
    read -r EDIT _ < <(build "$ARCHIVE" "$OUT" "$WORK/edit-$PRESET.log")
    cp -p "$WORK/item-backup.md" "$ITEM"
    trap - EXIT
    echo "  one-item edit:    $EDIT s, $(ratio "$EDIT" "$FULL") of the full build (target <= 0.10): $(verdict "$(ratio "$EDIT" "$FULL")" 0.10); edited ${ITEM#"$ARCHIVE"/}; $(grep -o "Rendered.*" "$WORK/edit-$PRESET.log")"
    SERVE=$(TMPDIR=$MEMORY python3 tools/bench_serve.py "$CLERK" "$ARCHIVE" 3 | awk '/median/ {print $2}')
    echo "  clerk serve:      an edit shows in the page after $SERVE s (median of 3; target <= 1): $(verdict "$SERVE" 1)"
  fi
  rm -rf "$OUT" "$MEMORY/.clerk-bench-out-$PRESET.clerk-times"
done
