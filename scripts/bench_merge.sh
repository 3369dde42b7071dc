#!/usr/bin/env bash
# Times the merge of a `git pull` where both clones changed the same N
# cases (default 1000), so git runs its merge driver once per case file,
# and prints the cost per file beside the same merge with drivers that do
# nothing. Not part of `cargo test`.
#
# Usage: scripts/bench_merge.sh [N]
# BENCH_RUNS (default 6) sets the runs per driver; each figure is the
# median. BENCH_BEFORE=/path/to/an/older/plaint adds that build's
# merge-file to every round, to compare two builds under the same load.
# Needs python3 (the generator), git, and a release build (built here).
#
# The drivers, run in turn in every round (every other round in reverse
# order, so an even BENCH_RUNS weighs both orders alike) so that a busy
# machine weighs on all of them alike:
#   `true`                      git execs it directly: git's own work, the
#                               floor of a pull;
#   `/usr/bin/true %O %A %B`    a driver given the files, as every real one
#                               is: git starts it through the shell, which
#                               then execs the smallest program there is;
#   `plaint --version`          plaint started the same way, merging
#                               nothing: the no-op driver;
#   `plaint merge-file %O %A %B`  the registered driver.
# The pull's objects are fetched once; each run resets the clone and times
# the merge git runs after fetching. `plaint check` must find the driver's
# merge clean.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
PLAINT="$PWD/target/release/plaint"
N=${1:-1000}
RUNS=${BENCH_RUNS:-6}
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
git fetch -q origin
start=$(git rev-parse HEAD)

# Prints the wall and CPU seconds (user + system, git and the drivers
# together, which a busy machine inflates far less) of one merge with
# driver command $1.
merge_with() {
  git reset -q --hard "$start"
  local TIMEFORMAT="%R %U %S"
  { time git -c merge.plaint.driver="$1" merge -q --no-edit origin/main >/dev/null 2>&1; } 2>&1
}

TRUE=$(type -P true)
names=("true" "$TRUE %O %A %B" "plaint --version")
drivers=("true" "$TRUE %O %A %B" "$PLAINT --version")
if [ -n "${BENCH_BEFORE:-}" ]; then
  names+=("before: plaint merge-file")
  drivers+=("$BENCH_BEFORE merge-file %O %A %B")
fi
names+=("plaint merge-file")
drivers+=("$PLAINT merge-file %O %A %B")
# A merge leaves writes behind that weigh on the next one, so every other
# round runs the drivers in reverse order.
order=("${!drivers[@]}")
results=()
for round in $(seq "$RUNS"); do
  for i in "${order[@]}"; do
    results+=("$i $(merge_with "${drivers[$i]}")")
  done
  order=($(printf '%s\n' "${order[@]}" | tac))
done
# The driver's own merge, for `plaint check`.
merge_with "${drivers[-1]}" >/dev/null
"$PLAINT" check >/dev/null
printf '%s\n' "${results[@]}" | python3 -c '
import statistics, sys
n, names = int(sys.argv[1]), sys.argv[2:]
runs = {}
for line in sys.stdin:
    i, real, user, sys_ = line.split()
    runs.setdefault(int(i), []).append((float(real), float(user) + float(sys_)))
wall = {i: statistics.median(r for r, _ in rs) / n * 1000 for i, rs in runs.items()}
cpu = {i: statistics.median(c for _, c in rs) / n * 1000 for i, rs in runs.items()}
print(f"merging {n} case files changed on both sides; driver, ms per file "
      f"(median of {len(runs[0])} runs), wall and CPU, and x plaint --version:")
for i, name in enumerate(names):
    print(f"  {name:32s} {wall[i]:6.1f} wall {cpu[i]:6.1f} CPU"
          f"  {wall[i] / wall[2]:5.2f} x {cpu[i] / cpu[2]:5.2f} x")
' "$N" "${names[@]}"
