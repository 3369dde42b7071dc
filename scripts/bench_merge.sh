#!/usr/bin/env bash
# Times a `git pull` where both clones changed the same N cases (default
# 1000), so git runs `plaint merge-file` once per case file. Not part of
# `cargo test`.
#
# Usage: scripts/bench_merge.sh [N]
# Needs python3 (the generator), git, and a release build (built here).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
PLAINT="$PWD/target/release/plaint"
N=${1:-1000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
mkdir -p "$HOME"
git config --global user.name bench
git config --global user.email bench@plaint.invalid
git config --global init.defaultBranch main

# Appends a note event to every case file of a clone (history is the last
# field), as `plaint note` would, without N process starts.
note_all() {
  python3 - "$1" "$2" <<'EOF'
import pathlib, sys
root, who = pathlib.Path(sys.argv[1]), sys.argv[2]
for f in root.glob("cases/*/*.yaml"):
    with open(f, "a") as out:
        out.write(f"- at: 2026-11-28T10:00:00+08:00\n  by: {who}\n  action: note\n  note: {who} 跟进\n")
EOF
}

git init -q --bare "$WORK/origin.git"
python3 scripts/gen_workspace.py "$WORK/a" "$N" >/dev/null
cd "$WORK/a"
git init -q
"$PLAINT" git-setup >/dev/null
printf 'cases/** merge=plaint\n*.yaml text eol=lf\n' > .gitattributes
git add -A && git commit -qm "cases"
git remote add origin "$WORK/origin.git"
git push -q origin HEAD:main
git clone -q "$WORK/origin.git" "$WORK/b"
(cd "$WORK/b" && "$PLAINT" git-setup >/dev/null && note_all . 李明 && git commit -qam "b notes" && git push -q origin HEAD:main)
note_all . 王芳
git commit -qam "a notes"
# Wall time, and CPU time (user + system, git and the drivers together),
# which a busy machine inflates far less.
TIMEFORMAT="%R %U %S"
spent=$( { time git pull -q --no-rebase --no-edit origin main >/dev/null 2>&1; } 2>&1 )
read -r real user sys <<<"$spent"
"$PLAINT" check >/dev/null
python3 - "$N" "$real" "$user" "$sys" <<'EOF'
import sys
n, real, user, sys_ = int(sys.argv[1]), *map(float, sys.argv[2:])
print(f"git pull merging {n} case files changed on both sides: {real:.1f} s wall "
      f"({real / n * 1000:.1f} ms per file), {user + sys_:.1f} s CPU "
      f"({(user + sys_) / n * 1000:.1f} ms per file); check clean")
EOF
