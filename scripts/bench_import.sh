#!/usr/bin/env bash
# Benchmarks of batch import and export, on a release build:
#   import of 10k and 100k CSV rows (time, peak memory), a ~100 MB JSON
#   array (streamed: memory must stay bounded), a repeated import (all
#   skipped), and `export --format jsonl` of 100k cases against `cat`.
# Usage: scripts/bench_import.sh [WORKDIR]   (default: a temporary folder)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
plaint="$root/target/release/plaint"
work=${1:-$(mktemp -d)}
mkdir -p "$work"
export PLAINT_USER=bench NO_COLOR=1
echo "working in $work"

# csv ROWS FILE: a hotline export with ROWS complaints.
csv() {
  awk -v n="$1" 'BEGIN {
    print "external_ref,received,complainant.name,complainant.phone,respondent.name,category,title,demands"
    for (i = 1; i <= n; i++)
      printf "HOT-%07d,2026/%02d/%02d 09:%02d,投诉人%d,138%08d,旅行社%d,shopping,导游强迫购物 %d,退还购物款 %d 元\n",
        i, 1 + i % 10, 1 + i % 28, i % 60, i, i, i % 500, i, i % 5000
  }' > "$2"
}

# json_array MB FILE: a JSON array of about MB megabytes (long facts).
json_array() {
  LC_ALL=C awk -v mb="$1" 'BEGIN {
    facts = ""; for (k = 0; k < 40; k++) facts = facts "七月一日导游带团进入玉器店，停留三小时。"
    printf "["
    target = mb * 1024 * 1024; size = 0
    for (i = 1; size < target; i++) {
      rec = sprintf("%s{\"external_ref\":\"J-%08d\",\"received\":\"2026-%02d-%02d\",\"complainants\":[{\"name\":\"张%d\"}],\"category\":\"shopping\",\"facts\":\"%s\"}",
        (i > 1 ? ",\n" : ""), i, 1 + i % 10, 1 + i % 28, i, facts)
      printf "%s", rec; size += length(rec)
    }
    print "]"
  }' > "$2"
}

# measure LABEL CMD...: wall seconds and peak RSS of one run.
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt" || {
    cat "$work/err.txt"; exit 1; }
  read -r secs kb < "$work/time.txt"
  printf "| %-44s | %7.2f s | %6d MB |\n" "$label" "$secs" $((kb / 1024))
}

fresh() { rm -rf "$1"; "$plaint" init "$1" --preset tourism > /dev/null 2>&1; }

csv 10000 "$work/10k.csv"
csv 100000 "$work/100k.csv"
json_array 100 "$work/100mb.json"
echo "100 MB array: $(du -m "$work/100mb.json" | cut -f1) MB"

echo "| what | time | peak memory |"
echo "|---|---|---|"
fresh "$work/ws10k";  measure "import 10k CSV rows" "$plaint" -C "$work/ws10k" import "$work/10k.csv"
fresh "$work/ws100k"; measure "import 100k CSV rows" "$plaint" -C "$work/ws100k" import "$work/100k.csv"
measure "import 100k again (all skipped)" "$plaint" -C "$work/ws100k" import "$work/100k.csv"
fresh "$work/wsjson"; measure "import 100 MB JSON array" "$plaint" -C "$work/wsjson" import "$work/100mb.json"
fresh "$work/wsdry";  measure "import 100 MB JSON array --dry-run" "$plaint" -C "$work/wsdry" import "$work/100mb.json" --dry-run
sync; find "$work/ws100k/cases" -name '*.yaml' -exec cat {} + > /dev/null  # warm the cache for both
measure "cat of the 100k case files" sh -c "find '$work/ws100k/cases' -name '*.yaml' -exec cat {} +"
measure "export --format jsonl, 100k cases" "$plaint" -C "$work/ws100k" export --format jsonl
