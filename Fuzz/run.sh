#!/usr/bin/env bash
# Builds the libFuzzer targets and fuzzes each for SECONDS (default 60).
#
#   Fuzz/run.sh [SECONDS]
#
# Environment: FUZZ_TARGETS ("FuzzItemText FuzzMarkdown"), FUZZ_PARALLEL (1:
# run the targets at the same time, 0: one after the other), FUZZ_NICE (10),
# FUZZ_KEEP_CORPUS (1: keep the grown corpus in the temp dir and say where),
# FUZZ_KEEP_GOING (1: libFuzzer's -fork=1 mode, which goes on after a crash,
# timeout or OOM and keeps each artifact; for long unattended runs), SWIFT.
#
# Each target starts from a copy of Fuzz/Corpus/<name>/ in a temp dir, so the
# reviewed seeds stay small. Crashes, timeouts (> 10 s) and OOMs (> 4 GB) go
# to Fuzz/Findings/<target>/ (ignored by git); minimise one with
#   Fuzz/.build/debug/<target> -minimize_crash=1 -runs=10000 Fuzz/Findings/<target>/crash-…
# and keep it in Fuzz/Regressions/<name>/, which every run replays first.
# Exits 1 when a regression input still fails or the run found anything.
set -uo pipefail

SECONDS_PER_TARGET=${1:-60}
case $SECONDS_PER_TARGET in '' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;; esac
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SWIFT=${SWIFT:-swift}
TARGETS=${FUZZ_TARGETS:-FuzzItemText FuzzMarkdown}
PARALLEL=${FUZZ_PARALLEL:-1}
NICE=${FUZZ_NICE:-10}
BIN="$HERE/.build/debug"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/clerk-fuzz.XXXXXX")
if [ "${FUZZ_KEEP_CORPUS:-0}" != 1 ]; then trap 'rm -rf "$WORK"' EXIT; fi

# Swift and C (libyaml inside Yams) are instrumented; cmark-gfm is Debian's
# shared library, so the parser itself is exercised but not coverage-guided.
# `-parse-as-library`: libFuzzer supplies main (see the end of each target).
echo "== building fuzzers (log: $WORK/build.log)"
if ! nice -n "$NICE" "$SWIFT" build -c debug --package-path "$HERE" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
  -Xcc -fsanitize=fuzzer-no-link,address >"$WORK/build.log" 2>&1; then
  grep -v "Cannot export local symbol" "$WORK/build.log" | tail -40
  echo "build failed" >&2
  exit 2
fi

# Swift's own crash backtracer trips ASan; libFuzzer and ASan print the stack.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:handle_abort=1:symbolize=1}
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
  for candidate in "$(dirname "$(command -v "$SWIFT")")/llvm-symbolizer" "$(command -v llvm-symbolizer)"; do
    if [ -x "$candidate" ]; then export ASAN_SYMBOLIZER_PATH=$candidate; break; fi
  done
fi

name_of() { echo "${1#Fuzz}"; }  # FuzzItemText -> ItemText

fuzz_one() {
  local target=$1 name log findings corpus
  name=$(name_of "$target")
  log="$WORK/$target.log"
  findings="$HERE/Findings/$target"
  corpus="$WORK/corpus-$name"
  mkdir -p "$findings" "$corpus"
  cp "$HERE/Corpus/$name/"* "$corpus/" 2>/dev/null
  touch "$WORK/$target.start"

  # Replay the kept regressions: each must now run cleanly.
  local regressions=()
  if [ -d "$HERE/Regressions/$name" ]; then
    while IFS= read -r -d '' file; do regressions+=("$file"); done \
      < <(find "$HERE/Regressions/$name" -type f ! -name '*.txt' ! -name '.*' -print0 | sort -z)
  fi
  if [ ${#regressions[@]} -gt 0 ]; then
    if nice -n "$NICE" "$BIN/$target" -timeout=10 -rss_limit_mb=4096 -runs=1 \
      -artifact_prefix="$WORK/replay-$target-" "${regressions[@]}" >"$WORK/$target.replay.log" 2>&1; then
      echo "0" >"$WORK/$target.replay.status"
    else
      echo "1" >"$WORK/$target.replay.status"
    fi
  fi

  # Coverage of the seeds alone, for the "new coverage" figure.
  "$BIN/$target" -runs=0 -max_len=65536 "$corpus" >"$WORK/$target.seeds.log" 2>&1

  local keep_going=()
  if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  nice -n "$NICE" "$BIN/$target" "$corpus" "${keep_going[@]}" \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -dict="$HERE/Dictionaries/$name.dict" -artifact_prefix="$findings/" \
    -print_final_stats=1 >"$log" 2>&1
  echo $? >"$WORK/$target.status"
}

echo "== fuzzing $TARGETS for ${SECONDS_PER_TARGET}s each"
if [ "$PARALLEL" = 1 ]; then
  pids=()
  for target in $TARGETS; do fuzz_one "$target" & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid"; done
else
  for target in $TARGETS; do fuzz_one "$target"; done
fi

stat_of() { sed -n "s/^stat::$1: *//p" "$2" | tail -1; }
field_of() { grep -E "$1" "$2" | grep -oE "$3: [0-9]+" | head -1 | grep -oE '[0-9]+$'; }

found=0
for target in $TARGETS; do
  name=$(name_of "$target")
  log="$WORK/$target.log"
  status=$(cat "$WORK/$target.status" 2>/dev/null || echo "?")
  echo
  echo "== $target (exit $status, log kept in $HERE/Findings/$target/last-run.log)"
  cp "$log" "$HERE/Findings/$target/last-run.log" 2>/dev/null
  if [ -f "$WORK/$target.replay.status" ]; then
    if [ "$(cat "$WORK/$target.replay.status")" = 0 ]; then
      echo "   regressions: all of Fuzz/Regressions/$name/ pass"
    else
      found=1
      cp "$WORK/$target.replay.log" "$HERE/Findings/$target/regressions.log"
      echo "   regressions: FAIL (see Fuzz/Findings/$target/regressions.log)"
      grep -E "^(Running|ERROR|SUMMARY|Fatal error|==[0-9]+==ERROR)" "$WORK/$target.replay.log" | head -10 | sed 's/^/     /'
    fi
  fi
  seeds_line=$(grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$WORK/$target.seeds.log" | tail -1)
  initial_cov=$(echo "$seeds_line" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+')
  initial_ft=$(echo "$seeds_line" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+')
  # Normal mode: `#N DONE cov: …`; fork mode: `#N: cov: … time: Ts`.
  final_line=$(grep -E '^#[0-9]+:?[[:space:]]+(NEW |REDUCE |pulse |DONE |INITED |cov: )' "$log" | tail -1)
  final_cov=$(echo "$final_line" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+')
  final_ft=$(echo "$final_line" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+')
  executions=$(stat_of number_of_executed_units "$log")
  rate=$(stat_of average_exec_per_sec "$log")
  if [ -z "$executions" ]; then
    executions=$(echo "$final_line" | grep -oE '^#[0-9]+' | tr -d '#')
    elapsed=$(echo "$final_line" | grep -oE ' time: [0-9]+' | grep -oE '[0-9]+')
    [ -n "$executions" ] && [ "${elapsed:-0}" -gt 0 ] && rate=$(( executions / elapsed ))
  fi
  units=$(( $(find "$WORK/corpus-$name" -type f | wc -l) - $(find "$HERE/Corpus/$name" -type f | wc -l) ))
  echo "   executions: ${executions:-?}   exec/s: ${rate:-?}   peak RSS: $(stat_of peak_rss_mb "$log" | grep . || echo '?') MB"
  echo "   coverage (edges): seeds ${initial_cov:-?} -> ${final_cov:-?} (+$(( ${final_cov:-0} - ${initial_cov:-0} ))), features ${initial_ft:-?} -> ${final_ft:-?}, corpus +$units units"
  new=$(find "$HERE/Findings/$target" -maxdepth 1 -type f \
    \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) -newer "$WORK/$target.start" | sort)
  # Fork mode reports what it ignored in its status lines.
  ignored=$(echo "$final_line" | grep -oE 'oom/timeout/crash: [0-9/]+' | cut -d' ' -f2)
  if [ -n "$new" ]; then
    found=1
    echo "   FOUND:"
    echo "$new" | sed "s|^$HERE/|     Fuzz/|"
    grep -E "^(==[0-9]+==ERROR|SUMMARY|.*Fatal error:|    #[0-9] )" "$log" | head -14 | sed 's/^/     /'
  elif [ -n "$ignored" ] && [ "$ignored" != 0/0/0 ]; then
    found=1
    echo "   FOUND (oom/timeout/crash $ignored) but no artifact: see the log"
  elif [ "$status" != 0 ]; then
    found=1
    echo "   FAILED without an artifact (exit $status):"
    tail -15 "$log" | sed 's/^/     /'
  else
    echo "   nothing found"
  fi
  if [ "${FUZZ_KEEP_CORPUS:-0}" = 1 ]; then echo "   grown corpus: $WORK/corpus-$name"; fi
done
exit $found
