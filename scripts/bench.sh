#!/usr/bin/env bash
# Benchmarks plaint on generated workspaces, side by side with `cat` of the
# same files (the floor for reading them). Not part of `cargo test`.
#
# Usage: scripts/bench.sh [N ...]            (default: 1000 10000 100000)
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

# Best wall time of 3 runs of a command, in milliseconds.
best_ms() {
  local best=
  for _ in 1 2 3; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    local ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

cat_all() { find "$1/cases" -name '*.yaml' -print0 | xargs -0 cat >/dev/null; }

if [ -n "$REPEATS" ]; then
  printf '| cases | workload | list --json | summary --json |\n|---|---|---|---|\n'
  for n in "${SIZES[@]}"; do
    for workload in generated crowd; do
      ws="$WORK/$workload$n"
      flag=; [ "$workload" = crowd ] && flag=--crowd
      python3 scripts/gen_workspace.py "$ws" "$n" $flag >/dev/null
      json_ms=$(best_ms "$PLAINT" -C "$ws" list --json)
      summary_ms=$(best_ms "$PLAINT" -C "$ws" summary --json)
      printf '| %s | %s | %s | %s |\n' "$n" "$workload" "$json_ms" "$summary_ms"
      rm -rf "$ws"
    done
  done
  exit 0
fi

printf '| cases | cat (ms) | list --format ids | list --json | list --overdue --json | summary --json | check | export jsonl | show ID | note ID | register |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
for n in "${SIZES[@]}"; do
  ws="$WORK/ws$n"
  python3 scripts/gen_workspace.py "$ws" "$n" >/dev/null
  id=$("$PLAINT" -C "$ws" list --format ids --sort id 2>/dev/null | tail -n 1)
  "$PLAINT" -C "$ws" show "$id" >/dev/null 2>&1 # builds the local contact index once
  cat_ms=$(best_ms cat_all "$ws")
  ids_ms=$(best_ms "$PLAINT" -C "$ws" list --format ids)
  json_ms=$(best_ms "$PLAINT" -C "$ws" list --json)
  overdue_ms=$(best_ms "$PLAINT" -C "$ws" list --overdue --json)
  summary_ms=$(best_ms "$PLAINT" -C "$ws" summary --json)
  if "$PLAINT" check --help >/dev/null 2>&1; then check_ms=$(best_ms "$PLAINT" -C "$ws" check); else check_ms=n/a; fi
  if "$PLAINT" export --help >/dev/null 2>&1; then export_ms=$(best_ms "$PLAINT" -C "$ws" export --format jsonl); else export_ms=n/a; fi
  show_ms=$(best_ms "$PLAINT" -C "$ws" show "$id")
  note_ms=$(best_ms "$PLAINT" -C "$ws" note "$id" "benchmark note")
  register_ms=$(best_ms "$PLAINT" -C "$ws" register --title bench --complainant 测试 --phone 13800000000 --received 2026-11-20)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
    "$n" "$cat_ms" "$ids_ms" "$json_ms" "$overdue_ms" "$summary_ms" "$check_ms" "$export_ms" "$show_ms" "$note_ms" "$register_ms"
  rm -rf "$ws"
done
