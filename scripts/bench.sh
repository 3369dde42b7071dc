#!/usr/bin/env bash
# Benchmarks plaint on generated workspaces, side by side with `cat` of the
# same files (the floor for reading them). Not part of `cargo test`.
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

printf '| cases | cat | stat | first list --json (no index) | list | list --json | list --overdue --json | summary --json | report --format json | check | export jsonl | show ID | note ID | register |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
PEAKS=()
for n in "${SIZES[@]}"; do
  ws="${BENCH_DIR:-$WORK}/ws$n"
  [ -f "$ws/plaint.yaml" ] || python3 scripts/gen_workspace.py "$ws" "$n" >/dev/null
  rm -rf "$ws/.plaint"
  start=$(date +%s%N)
  "$PLAINT" -C "$ws" list --json >/dev/null 2>&1 || true
  cold_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  id=$("$PLAINT" -C "$ws" list --format ids --sort id 2>/dev/null | tail -n 1)
  "$PLAINT" -C "$ws" show "$id" >/dev/null 2>&1 # builds the local contact index once
  cat_ms=$(median_ms cat_all "$ws")
  stat_ms=$(median_ms stat_all "$ws")
  list=("$PLAINT" -C "$ws" list)
  json=("$PLAINT" -C "$ws" list --json)
  overdue=("$PLAINT" -C "$ws" list --overdue --json)
  summary=("$PLAINT" -C "$ws" summary --json)
  report=("$PLAINT" -C "$ws" report --period 2026 --format json)
  check=("$PLAINT" -C "$ws" check)
  export=("$PLAINT" -C "$ws" export --format jsonl)
  list_ms=$(median_ms "${list[@]}")
  json_ms=$(median_ms "${json[@]}")
  overdue_ms=$(median_ms "${overdue[@]}")
  summary_ms=$(median_ms "${summary[@]}")
  report_ms=$(median_ms "${report[@]}")
  check_ms=$(median_ms "${check[@]}")
  export_ms=$(median_ms "${export[@]}")
  show_ms=$(median_ms "$PLAINT" -C "$ws" show "$id")
  note_ms=$(median_ms "$PLAINT" -C "$ws" note "$id" "benchmark note")
  register_ms=$(median_ms "$PLAINT" -C "$ws" register --title bench --complainant 测试 --phone 13800000000 --received 2026-11-20)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
    "$n" "$cat_ms" "$stat_ms" "$cold_ms" "$list_ms" "$json_ms" "$overdue_ms" "$summary_ms" "$report_ms" "$check_ms" "$export_ms" "$show_ms" "$note_ms" "$register_ms"
  PEAKS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s |' "$n" \
    "$(peak_mb "${list[@]}")" "$(peak_mb "${json[@]}")" "$(peak_mb "${overdue[@]}")" \
    "$(peak_mb "${summary[@]}")" "$(peak_mb "${report[@]}")" "$(peak_mb "${check[@]}")" \
    "$(peak_mb "${export[@]}")")")
  [ -n "${BENCH_DIR:-}" ] || rm -rf "$ws"
done
printf '\nPeak memory (MB):\n\n| cases | list | list --json | list --overdue --json | summary --json | report --format json | check | export jsonl |\n'
printf '|---|---|---|---|---|---|---|---|\n'
printf '%s\n' "${PEAKS[@]}"
