#!/usr/bin/env bash
# Times `plaint verify-push`, what an office's server runs on each push:
#   - a new branch of a workspace of N cases (default 10000): every file
#     read from git and judged;
#   - a push of C changed cases (default 1000) to that workspace, each with
#     a note, an attachment (hashed against its event) and a notice (whose
#     number is looked for in every other case file);
#   - the same push through `git push` with examples/hooks/pre-receive
#     installed in the bare repository (git's own work included).
# Each figure is the median of BENCH_RUNS runs (default 3), wall seconds.
# Not part of `cargo test`.
#
# Usage: scripts/bench_verify_push.sh [N] [C]
# Needs python3 (the generator), git, and a release build (built here).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
PLAINT="$PWD/target/release/plaint"
N=${1:-10000}
C=${2:-1000}
RUNS=${BENCH_RUNS:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1 PLAINT="$PLAINT"
mkdir -p "$HOME"
git config --global user.name bench
git config --global user.email bench@plaint.invalid
git config --global init.defaultBranch main

python3 scripts/gen_workspace.py "$WORK/a" "$N" >/dev/null
cd "$WORK/a"
git init -q
git add -A && git commit -qm "cases"
base=$(git rev-parse HEAD)

# C cases get a note, an attachment and an acceptance notice, written as
# plaint writes them (stored file, event with its SHA-256).
python3 - "$C" <<'EOF'
import hashlib, pathlib, sys
count = int(sys.argv[1])
for f in sorted(pathlib.Path("cases").glob("*/*.yaml"))[:count]:
    cid = f.stem
    year = cid[:4]
    photo = f"evidence of {cid}\n".encode() * 200
    sha = hashlib.sha256(photo).hexdigest()
    att = pathlib.Path(f"attachments/{cid}/{sha[:12]}-photo.jpg")
    att.parent.mkdir(parents=True, exist_ok=True)
    att.write_bytes(photo)
    doc = f"<html><body>受理告知书 {cid}</body></html>\n".encode()
    dsha = hashlib.sha256(doc).hexdigest()
    token = "B" + cid[-4:]
    notice = pathlib.Path(f"notices/{year}/{cid}/acceptance-{token}.html")
    notice.parent.mkdir(parents=True, exist_ok=True)
    notice.write_bytes(doc)
    with open(f, "a") as out:
        out.write(
            "- at: 2026-12-01T10:00:00+08:00\n  by: bench\n  action: note\n  note: 跟进\n"
            f"- at: 2026-12-01T10:01:00+08:00\n  by: bench\n  action: attached\n  name: photo.jpg\n"
            f"  file: {att}\n  size: {len(photo)}\n  sha256: {sha}\n"
            f"- at: 2026-12-01T10:02:00+08:00\n  by: bench\n  action: notice\n  kind: acceptance\n"
            f"  number: 受〔2026〕第 {cid}-{token} 号\n  file: {notice}\n  sha256: {dsha}\n")
EOF
git add -A && git commit -qm "changed cases"
head=$(git rev-parse HEAD)

# Median wall seconds of RUNS runs of a command.
median() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local s e
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

zero=0000000000000000000000000000000000000000
# The verdicts must be acceptances, or the figures time a refusal.
"$PLAINT" verify-push "$zero" "$base" >/dev/null
"$PLAINT" verify-push "$base" "$head" >/dev/null
new_branch=$(median "$PLAINT" verify-push "$zero" "$base")
changed=$(median "$PLAINT" verify-push "$base" "$head")

git init -q --bare "$WORK/origin.git"
cp "$OLDPWD/examples/hooks/pre-receive" "$WORK/origin.git/hooks/pre-receive"
git remote add origin "$WORK/origin.git"
push_times=()
for _ in $(seq "$RUNS"); do
  git --git-dir="$WORK/origin.git" update-ref refs/heads/main "$base" 2>/dev/null || git push -q origin "$base:refs/heads/main"
  s=$(date +%s.%N)
  git push -q origin "$head:refs/heads/main" 2>/dev/null
  e=$(date +%s.%N)
  push_times+=("$(echo "$e - $s" | bc)")
done
push=$(printf '%s\n' "${push_times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")

echo "verify-push, $N cases, median of $RUNS runs (wall seconds):"
printf '  new branch, every file of %d cases     %6.2f s\n' "$N" "$new_branch"
printf '  push of %d changed cases               %6.2f s\n' "$C" "$changed"
printf '  git push of it, hook installed         %6.2f s\n' "$push"
