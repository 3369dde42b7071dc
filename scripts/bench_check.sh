#!/usr/bin/env bash
# Benchmark `plaint check` against plain `cat` of the same files.
#
# Usage: scripts/bench_check.sh [N_CASES] [WORKSPACE_DIR]
# Generates a tourism workspace of N_CASES (default 100000) case files by
# writing YAML directly (much faster than `plaint register`), warms the page
# cache, then times `cat` of every case file and `plaint check` (release
# build). The goal is check <= 2x cat.
set -euo pipefail
cd "$(dirname "$0")/.."

n="${1:-100000}"
ws="${2:-$(mktemp -d)/bench-ws}"
command -v python3 >/dev/null || { echo "python3 is needed to generate the workspace" >&2; exit 1; }

cargo build --release --quiet
plaint="$PWD/target/release/plaint"

if [ ! -f "$ws/plaint.yaml" ]; then
  mkdir -p "$ws"
  "$plaint" init "$ws" --preset tourism >/dev/null
  python3 - "$ws" "$n" <<'PY'
import os, sys
ws, n = sys.argv[1], int(sys.argv[2])
alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
def rand5(i):
    return "".join(alphabet[(i >> (5 * k)) & 31] for k in reversed(range(5)))
for i in range(n):
    month, day = 1 + i % 12, 1 + (i // 12) % 28
    date = f"2026{month:02d}{day:02d}"
    cid = f"{date}-{rand5(i)}"
    d = os.path.join(ws, "cases", "2026")
    os.makedirs(d, exist_ok=True)
    at = f"2026-{month:02d}-{day:02d}T09:30:00+08:00"
    later = f"2026-{month:02d}-{day:02d}T15:00:00+08:00"
    text = f"""schema: 1
id: {cid}
title: 导游强迫购物 {i}
received: {at}
channel: phone
complainants:
- name: 张三
  phone: '13800138000'
respondent:
  name: 桂林阳光旅行社
category: shopping
priority: normal
demands: 退还购物款
facts: |-
  旅行团在行程中被导游带到购物店，停留三个小时。
  导游说不买东西就不能离开。
assignee: 王芳
status: accepted
history:
- at: {at}
  by: 王芳
  action: registered
- at: {later}
  by: 王芳
  action: status
  from: received
  to: accepted
- at: {later}
  by: 李明
  action: note
  note: 已电话联系投诉人，核实购物小票。
"""
    with open(os.path.join(d, cid + ".yaml"), "w", encoding="utf-8") as f:
        f.write(text)
PY
fi

files=$(find "$ws/cases" -name '*.yaml' | wc -l)
bytes=$(du -sb "$ws/cases" | cut -f1)
echo "workspace: $ws ($files case files, $bytes bytes, $(nproc) cores)"

# Warm the page cache so both runs read from memory.
find "$ws/cases" -name '*.yaml' -print0 | xargs -0 cat >/dev/null

calc() { python3 -c "print($1)"; }

best() { # best of 3 wall-clock seconds of "$@"
  local best=""
  for _ in 1 2 3; do
    local start end t
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    t=$(calc "$end - $start")
    if [ -z "$best" ] || [ "$(calc "int($t < $best)")" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

cat_all() { find "$ws/cases" -name '*.yaml' -print0 | xargs -0 cat >/dev/null; }
t_cat=$(best cat_all)
t_check=$(best "$plaint" -C "$ws" check)
"$plaint" -C "$ws" check >/dev/null 2>&1 && status=clean || status="problems found"
printf 'cat (find | xargs cat): %6.3f s\n' "$t_cat"
printf 'plaint check:           %6.3f s (%s)\n' "$t_check" "$status"
printf 'ratio check/cat:        %6.2f (goal <= 2)\n' "$(calc "$t_check / $t_cat")"
