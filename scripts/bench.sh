#!/usr/bin/env bash
# Benchmarks plaint on generated workspaces, side by side with `cat` of the
# same files (the floor for reading them) and a `stat` of each (the floor
# for checking them against the index): each figure in ms, as a ratio to
# both, and with its peak memory. Warm rows have the index in place and
# the files in the page cache; cold rows delete `.plaint/` first and, when
# run as root, also drop the page cache (`/proc/sys/vm/drop_caches`; the
# script says whether it could). Not part of `cargo test`.
#
# Usage: scripts/bench.sh [N ...]            (default: 1000 10000 100000)
#   BENCH_DIR=DIR keeps the generated workspaces in DIR (ws<N>) and reuses
#   them; BENCH_RUNS (default 5) runs per figure, the median is printed.
#        scripts/bench.sh --repeats [N ...]  (default: 10000 40000 100000)
# The second form times `list --json` and `summary --json` on the generated
# workload and on the repeat-heavy one (`gen_workspace.py --crowd`: four
# names, three respondents, so each repeat group holds N/12 cases).
# Needs python3 (the generator) and a release build (built here).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
PLAINT="$PWD/target/release/plaint"
REPEATS=
if [ "${1:-}" = "--repeats" ]; then REPEATS=1; shift; fi
SIZES=("$@")
if [ $# -eq 0 ]; then
  if [ -n "$REPEATS" ]; then SIZES=(10000 40000 100000); else SIZES=(1000 10000 100000); fi
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PLAINT_USER=bench NO_COLOR=1 PLAINT_TODAY=2026-11-27

RUNS=${BENCH_RUNS:-5}

# Median wall time of $RUNS runs of a command, in milliseconds.
median_ms() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

# Peak resident memory of one run of a command, in MB.
peak_mb() {
  /usr/bin/time -f '%M' -o "$WORK/peak" "$@" >/dev/null 2>&1 || true
  echo $(( $(tail -n 1 "$WORK/peak") / 1024 ))
}

cat_all() { find "$1/cases" -name '*.yaml' -print0 | xargs -0 cat >/dev/null; }
stat_all() { find "$1/cases" -name '*.yaml' -printf '%s %T@ %i\n' >/dev/null; }

if [ -n "$REPEATS" ]; then
  printf '| cases | workload | list --json | summary --json |\n|---|---|---|---|\n'
  for n in "${SIZES[@]}"; do
    for workload in generated crowd; do
      ws="$WORK/$workload$n"
      flag=; [ "$workload" = crowd ] && flag=--crowd
      python3 scripts/gen_workspace.py "$ws" "$n" $flag >/dev/null
      json_ms=$(median_ms "$PLAINT" -C "$ws" list --json)
      summary_ms=$(median_ms "$PLAINT" -C "$ws" summary --json)
      printf '| %s | %s | %s | %s |\n' "$n" "$workload" "$json_ms" "$summary_ms"
      rm -rf "$ws"
    done
  done
  exit 0
fi

# Whether this user may drop the page cache (root, and a writable
# /proc/sys/vm/drop_caches): then "cold" also means files read from disk.
can_drop() { [ -w /proc/sys/vm/drop_caches ]; }
drop_caches() { sync; echo 3 >/proc/sys/vm/drop_caches; }

# One row of the table: what, time (ms), ratios to cat and stat, peak MB.
row() { # n what ms cat_ms stat_ms peak
  awk -v n="$1" -v what="$2" -v ms="$3" -v c="$4" -v s="$5" -v peak="$6" 'BEGIN {
    printf "| %s | %s | %d | %.2f | %.2f | %s |\n", n, what, ms, ms / c, ms / s, peak }'
}

# Time and peak memory of one cold run (no index), as "ms peak".
cold_run() { # ws drop command...
  local ws=$1 drop=$2 start ms
  shift 2
  rm -rf "$ws/.plaint"
  [ -z "$drop" ] || drop_caches
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$WORK/peak" "$@" >/dev/null 2>&1 || true
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "$ms $(( $(tail -n 1 "$WORK/peak") / 1024 ))"
}

# The warm commands: a label, then the arguments.
commands() { # id
  printf '%s\n' 'list|list' 'list --json|list --json' \
    'list --overdue --json|list --overdue --json' 'summary --json|summary --json' \
    'report --period 2026 --format json|report --period 2026 --format json' \
    'check|check' 'export --format jsonl|export --format jsonl' "show ID|show $1"
}

if can_drop; then DROP=yes; else DROP=; fi
echo "Page cache dropped for the cold rows: ${DROP:-no (not permitted)}"
echo
printf '| cases | command | ms | × cat | × stat | peak MB |\n|---|---|---|---|---|---|\n'
for n in "${SIZES[@]}"; do
  ws="${BENCH_DIR:-$WORK}/ws$n"
  [ -f "$ws/plaint.yaml" ] || python3 scripts/gen_workspace.py "$ws" "$n" >/dev/null
  cat_all "$ws" # warms the page cache
  cat_ms=$(median_ms cat_all "$ws")
  stat_ms=$(median_ms stat_all "$ws")
  row "$n" '`cat` (warm)' "$cat_ms" "$cat_ms" "$stat_ms" -
  row "$n" '`stat` (warm)' "$stat_ms" "$cat_ms" "$stat_ms" -
  # Cold: no index; the case files in the page cache, then (where
  # permitted) not.
  read -r ms peak < <(cold_run "$ws" "" "$PLAINT" -C "$ws" list --json)
  row "$n" 'cold `list --json`, no index, files cached' "$ms" "$cat_ms" "$stat_ms" "$peak"
  if [ -n "$DROP" ]; then
    drop_caches
    start=$(date +%s%N)
    cat_all "$ws"
    row "$n" '`cat`, page cache dropped' "$(( ($(date +%s%N) - start) / 1000000 ))" "$cat_ms" "$stat_ms" -
    read -r ms peak < <(cold_run "$ws" yes "$PLAINT" -C "$ws" list --json)
    row "$n" 'cold `list --json`, no index, page cache dropped' "$ms" "$cat_ms" "$stat_ms" "$peak"
    cat_all "$ws"
  fi
  "$PLAINT" -C "$ws" list --json >/dev/null 2>&1 || true # the index in place
  id=$("$PLAINT" -C "$ws" list --format ids --sort id 2>/dev/null | tail -n 1)
  "$PLAINT" -C "$ws" show "$id" >/dev/null 2>&1 # builds the local contact index once
  while IFS='|' read -r what args; do
    read -ra argv <<<"$args"
    ms=$(median_ms "$PLAINT" -C "$ws" "${argv[@]}")
    row "$n" "\`$what\`" "$ms" "$cat_ms" "$stat_ms" "$(peak_mb "$PLAINT" -C "$ws" "${argv[@]}")"
  done < <(commands "$id")
  ms=$(median_ms "$PLAINT" -C "$ws" note "$id" "benchmark note")
  row "$n" '`note ID`' "$ms" "$cat_ms" "$stat_ms" -
  ms=$(median_ms "$PLAINT" -C "$ws" register --title bench --complainant 测试 --phone 13800000000 --received 2026-11-20)
  row "$n" '`register`' "$ms" "$cat_ms" "$stat_ms" -
  [ -n "${BENCH_DIR:-}" ] || rm -rf "$ws"
done
