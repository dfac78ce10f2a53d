#!/usr/bin/env bash
# make bench: generate a synthetic archive and measure `clerk build --no-pdf
# --no-search` against cmark-gfm alone on the same markdown (the search index,
# Pagefind's own work, is left out so the figures stay comparable with earlier
# ones). PRESET=small|medium|large.
set -euo pipefail
cd "$(dirname "$0")/.."
PRESET=${PRESET:-medium}
SHARED=${SHARED:-../shared}
WORK=${BENCH_DIR:-/tmp/clerk-bench}
ARCHIVE=$WORK/archive-$PRESET
# Output goes to memory (/dev/shm) when there is one, so the figure measures
# Clerk rather than the file system; BENCH_OUT=/some/disk/folder to measure both.
OUT=${BENCH_OUT:-$( [ -d /dev/shm ] && echo /dev/shm/clerk-bench-out-$PRESET || echo $WORK/out-$PRESET )}
mkdir -p "$WORK"

if [ ! -f "$ARCHIVE/site.yml" ]; then
  echo "Generating the $PRESET archive in $ARCHIVE…"
  rm -rf "$ARCHIVE"
  python3 "$SHARED/bench/gen_archive.py" --preset "$PRESET" --out "$ARCHIVE" --jobs 2 >/dev/null
fi
MEETINGS=$(find "$ARCHIVE" -name meeting.yml | wc -l)
find "$ARCHIVE" -name '*.md' | sort > "$WORK/files-$PRESET.txt"
MB=$(python3 -c "import os,sys;print('%.1f'%(sum(os.path.getsize(l.strip()) for l in open(sys.argv[1]))/1e6))" "$WORK/files-$PRESET.txt")

# Two baselines over the same files, with the extensions and options Clerk
# uses (the command has no footnote option):
# - the cmark-gfm command, as the issue measured "cmark-gfm alone" (its
#   "about 3-5.5 s here"); xargs hands it the files in a few batches;
# - the cmark-gfm library in a C loop, one document at a time, with no
#   process or output cost: the stricter figure, reported beside it.
if ! command -v cmark-gfm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing the cmark-gfm command (the baseline)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmark-gfm >/dev/null
  else
    echo "The benchmark's baseline needs the cmark-gfm command: sudo apt-get install cmark-gfm"; exit 1
  fi
fi
gcc -O2 -o "$WORK/cmark_baseline" tools/cmark_baseline.c $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions
seconds_since() { python3 -c "import sys;print('%.2f'%(float(sys.argv[2])-float(sys.argv[1])))" "$1" "$(date +%s.%N)"; }
xargs -d '\n' cat < "$WORK/files-$PRESET.txt" > /dev/null  # warm the page cache for every run
start=$(date +%s.%N)
xargs -d '\n' cmark-gfm --smart --validate-utf8 --table-prefer-style-attributes \
  -e table -e strikethrough -e autolink -e tagfilter -e tasklist < "$WORK/files-$PRESET.txt" > /dev/null
BASE=$(seconds_since "$start")
start=$(date +%s.%N)
"$WORK/cmark_baseline" < "$WORK/files-$PRESET.txt" > /dev/null
LOOP=$(seconds_since "$start")

rm -rf "$OUT"
xargs -d '\n' cat < "$WORK/files-$PRESET.txt" > /dev/null
/usr/bin/time -v .build/release/clerk build "$ARCHIVE" --out "$OUT" --no-pdf --no-search --quiet 2> "$WORK/time-$PRESET.txt" || {
  tail -20 "$WORK/time-$PRESET.txt"; exit 1; }
python3 - "$WORK/time-$PRESET.txt" "$OUT" "$MB" "$MEETINGS" "$BASE" "$LOOP" "$PRESET" <<'PY'
import os, re, sys
log, out, mb, meetings, base, loop, preset = sys.argv[1:]
text = open(log).read()
def field(name):
    return re.search(re.escape(name) + r":\s*(.+)", text).group(1).strip()
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
rss_mb = int(field("Maximum resident set size (kbytes)")) / 1024
user, system = float(field("User time (seconds)")), float(field("System time (seconds)"))
pages = sum(1 for root, _, files in os.walk(out) for f in files if f.endswith(".html"))
mb, base, loop = float(mb), float(base), float(loop)
print(f"preset {preset}: {meetings} meetings, {mb:.1f} MB of markdown")
print(f"cmark-gfm alone:  {base:.2f} s ({mb / base:.1f} MB/s; the cmark-gfm command over the same files)")
print(f"cmark-gfm loop:   {loop:.2f} s ({mb / loop:.1f} MB/s; the library in C, in memory: the stricter baseline)")
print(f"clerk build:      {seconds:.2f} s ({mb / seconds:.1f} MB/s, {pages} pages, {pages / seconds:.0f} pages/s; CPU {user:.1f} s user + {system:.1f} s system) -> {out}")
print(f"peak memory:      {rss_mb:.0f} MB")
print(f"ratio:            {seconds / base:.2f} x cmark-gfm alone (target <= 2.0; memory target < 1024 MB); {seconds / loop:.2f} x the C loop")
PY
rm -rf "$OUT"
