#!/usr/bin/env bash
# The provincial pipeline at scale: N offices of M cases each (default
# 100 × 10,000), generated with scripts/gen_workspace.py (presets and
# calendars in turn), each exported with `plaint export --format parquet`
# into one folder, then the provincial quarter computed in DuckDB with
# examples/province/*.sql. Prints the export time and size per office
# (median, min, max), the time of `run.py` for one quarter (best of 3, the
# Python start included) and of the bare quarter.sql query on a warm
# connection. Not part of `cargo test`.
#
# Usage: scripts/bench_province.sh [N] [M]
# Needs python3 with duckdb (pip install duckdb) and a release build
# (built here). Disk: about 1 KB of cases per case generated (10^6 cases:
# ~1 GB), freed at the end; BENCH_KEEP=DIR keeps the folder instead.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
PLAINT="$PWD/target/release/plaint"
N=${1:-100}
M=${2:-10000}
TODAY=2026-11-27
QUARTER=2026-Q3
if [ -n "${BENCH_KEEP:-}" ]; then
  WORK=$BENCH_KEEP
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi
presets=(tourism hospital procurement generic)

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "generating $N offices × $M cases in $WORK ..."
start=$(date +%s.%N)
for i in $(seq -w 1 "$N"); do
  n=$((10#$i))
  calendar=cn
  [ $((n % 3)) -eq 0 ] && calendar=weekends
  python3 scripts/gen_workspace.py "$WORK/offices/OF-$i" "$M" --seed "$n" \
    --preset "${presets[$((n % 4))]}" --calendar "$calendar" --office "OF-$i" >/dev/null &
  # two generators at a time
  if [ $((n % 2)) -eq 0 ]; then wait; fi
done
wait
echo "generated in $(echo "$(date +%s.%N) - $start" | bc) s"

# The first export of an office builds its case index; the time measured
# is the second, warm one (as an office exporting every quarter), beside
# the first.
times=()
cold=()
for dir in "$WORK"/offices/*/; do
  t0=$(date +%s.%N)
  "$PLAINT" -C "$dir" export --format parquet --out "$WORK/parquet" --today "$TODAY" >/dev/null 2>&1
  t1=$(date +%s.%N)
  "$PLAINT" -C "$dir" export --format parquet --out "$WORK/parquet" --today "$TODAY" >/dev/null 2>&1
  t2=$(date +%s.%N)
  cold+=("$(echo "$t1 - $t0" | bc)")
  times+=("$(echo "$t2 - $t1" | bc)")
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "median %.3f, min %.3f, max %.3f", a[int((NR+1)/2)], a[1], a[NR]}'; }
echo "export per office (s), warm: $(stats "${times[@]}")"
echo "export per office (s), first (builds the index): $(stats "${cold[@]}")"
sizes=()
for d in "$WORK"/parquet/office=*/; do sizes+=("$(du -sk "$d" | cut -f1)"); done
echo "Parquet per office (KB): $(stats "${sizes[@]}"); all offices: $(du -sh "$WORK/parquet" | cut -f1)"
echo "case files per office (KB): $(du -sk "$WORK/offices/OF-$(printf %0${#N}d 1)/cases" | cut -f1)"

best=""
for _ in 1 2 3; do
  t0=$(date +%s.%N)
  python3 examples/province/run.py "$WORK/parquet" "$QUARTER" --json >"$WORK/q.json"
  t=$(echo "$(date +%s.%N) - $t0" | bc)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" -eq 1 ]; then best=$t; fi
done
echo "run.py $QUARTER, all eight tables (s, best of 3): $best"
python3 - "$WORK/parquet" "$QUARTER" <<'PY'
import sys, time, os
sys.path.insert(0, "examples/province")
import run
start, end = run.period(sys.argv[2])
con = run.connect(sys.argv[1], start, end)
sql = open("examples/province/quarter.sql").read()
rows = con.sql("SELECT count(*) FROM cases").fetchone()[0]
drows = con.sql("SELECT count(*) FROM deadlines").fetchone()[0]
best = min(
    (lambda t0: (con.sql(sql).fetchall(), time.perf_counter() - t0)[1])(time.perf_counter())
    for _ in range(3)
)
total = [r for r in con.sql(sql).fetchall() if r[0] == "total"][0]
print(f"quarter.sql over {rows:,} cases and {drows:,} deadlines (s, best of 3): {best:.3f}; "
      f"province {sys.argv[2]}: {total[1]:,} received, on-time rate {total[11]}")
PY
