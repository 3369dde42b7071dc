#!/usr/bin/env bash
# Renders PNG screenshots of the HTML report and of an acceptance notice
# with headless Chromium, from a small sample workspace, for the README
# and for review. Needs chromium and fonts-noto-cjk (the CI installs both).
#
# Usage: scripts/screenshots.sh [OUT_DIR]      (default: docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(realpath -m "${1:-docs/screenshots}")"
CHROMIUM="${PLAINT_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome)}"
cargo build --quiet
PLAINT="$PWD/target/debug/plaint"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
export PLAINT_USER=王芳 NO_COLOR=1

# A tourism office with a few cases received in the third quarter.
"$PLAINT" init "$WORK/office" --preset tourism --language zh >/dev/null
cd "$WORK/office"
cat >> plaint.yaml <<'YAML'
office:
  name: 桂林市文化广电和旅游局
  address: 桂林市临桂区公园北路 1 号
  phone: 0773-1234567
YAML
register() { # date category complainant
  PLAINT_NOW="$1T09:00:00+08:00" "$PLAINT" register --received "$1 09:00" --channel phone \
    --complainant "$3" --respondent 桂林阳光旅行社 --category "$2" \
    --title "导游强迫购物" --demands "退还购物款 3000 元" --facts "导游带团进入玉器店，停留三小时。"
}
first=$(register 2026-07-06 shopping 张三)
register 2026-07-20 accommodation 李四 >/dev/null
register 2026-08-03 shopping 王五 >/dev/null
register 2026-08-17 itinerary 赵六 >/dev/null
register 2026-09-07 guide 孙七 >/dev/null
PLAINT_NOW=2026-07-08T10:00:00+08:00 "$PLAINT" advance "$first" accepted >/dev/null
PLAINT_NOW=2026-07-08T10:05:00+08:00 "$PLAINT" notice "$first" acceptance --out "$WORK/notice.html" 2>/dev/null
PLAINT_NOW=2026-07-09T10:00:00+08:00 "$PLAINT" advance "$first" mediating >/dev/null
PLAINT_NOW=2026-08-20T10:00:00+08:00 "$PLAINT" advance "$first" resolved --outcome mediated >/dev/null
"$PLAINT" report --period 2026-Q3 --format html --today 2026-10-08 > "$WORK/report.html"

shot() { # page.html out.png height
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$WORK/profile" --hide-scrollbars --window-size=900,"$3" \
    --screenshot="$2" "file://$1" >/dev/null 2>&1
}
shot "$WORK/report.html" "$OUT/report.png" 1800
shot "$WORK/notice.html" "$OUT/notice.png" 1100
echo "wrote $OUT/report.png and $OUT/notice.png"
