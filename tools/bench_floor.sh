#!/usr/bin/env bash
# The benchmark's floor (issue 15): cmark-gfm alone over ARCHIVE's markdown,
# as two processes side by side (the sorted file list split in two halves),
# each writing its HTML to one file in OUTDIR. Prints the wall time in seconds.
# Usage: tools/bench_floor.sh ARCHIVE OUTDIR   (needs the cmark-gfm command)
set -euo pipefail
ARCHIVE=${1:?usage: bench_floor.sh ARCHIVE OUTDIR}
OUTDIR=${2:?usage: bench_floor.sh ARCHIVE OUTDIR}
mkdir -p "$OUTDIR"
LIST=$(mktemp); trap 'rm -f "$LIST" "$LIST".half*' EXIT
find "$ARCHIVE" -name '*.md' | sort > "$LIST"
HALF=$(( ($(wc -l < "$LIST") + 1) / 2 ))
split -l "$HALF" -d "$LIST" "$LIST.half"     # $LIST.half00, $LIST.half01
xargs -d '\n' cat < "$LIST" > /dev/null        # warm the page cache
pids=()
start=$(date +%s.%N)
for half in "$LIST".half*; do
  xargs -d '\n' cmark-gfm --smart --validate-utf8 --table-prefer-style-attributes \
    -e table -e strikethrough -e autolink -e tagfilter -e tasklist \
    < "$half" > "$OUTDIR/floor-${half##*.half}.html" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done   # fails if either process failed
python3 -c "import sys;print('%.2f'%(float(sys.argv[2])-float(sys.argv[1])))" "$start" "$(date +%s.%N)"
