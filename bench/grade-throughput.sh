#!/usr/bin/env bash
# Grading throughput: N generated submissions × M katas, graded with `kata grade` at several
# --jobs values, dependencies and the assertion helper already compiled (one warm-up run first).
#
#   bench/grade-throughput.sh [M] [N...] [-- JOBS...]     (default: 5 katas, N = 2 4, jobs 1 2)
#
# Each submission is a workspace made by `kata init`; kata k of submission s gets the reference
# solution when s + k is even and the kata's first known-wrong solution otherwise, so every pair
# is really built and run (a stub would count as not attempted and cost nothing). The katas are
# the first M of the catalogue's learning order. Prints, per (N, jobs): the wall time and the
# submission-katas graded per minute, and where the time went: the sum over pairs of the build
# (one cargo call per kata) and of the test processes, from the JSON report; and the runner's own
# peak resident memory (not counting cargo, rustc or the tests).
set -euo pipefail
m=${1:-5}
shift || true
ns=()
while [[ $# -gt 0 && $1 != -- ]]; do ns+=("$1"); shift; done
[[ ${1:-} == -- ]] && shift
jobs=("$@")
[[ ${#ns[@]} -gt 0 ]] || ns=(2 4)
[[ ${#jobs[@]} -gt 0 ]] || jobs=(1 2)

repo=$(cd "$(dirname "$0")/.." && pwd)
[[ -n ${KATA_BIN:-} ]] || cargo build -q --release --manifest-path "$repo/Cargo.toml" -p kata
kata=${KATA_BIN:-$repo/target/release/kata}   # KATA_BIN: compare another build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KATA_CACHE_DIR=${KATA_CACHE_DIR:-$repo/target/kata-cache} NO_COLOR=1
cd "$work"

max_n=$(printf '%s\n' "${ns[@]}" | sort -n | tail -1)
"$kata" init s1 >/dev/null
"$kata" --workspace s1 list --json > list.json
mapfile -t slugs < <(python3 -c "import json; [print(k['slug']) for k in json.load(open('list.json'))['katas'][:$m]]")
mapfile -t paths < <(python3 -c "import json; [print(k['path']) for k in json.load(open('list.json'))['katas'][:$m]]")
for s in $(seq 1 "$(( max_n > 2 ? max_n : 2 ))"); do
  [[ -d s$s ]] || "$kata" init "s$s" >/dev/null
  for k in "${!slugs[@]}"; do
    slug=${slugs[$k]}
    file="s$s/${paths[$k]#s1/}"
    if (( (s + k) % 2 == 0 )); then
      cp "$repo/solutions/$slug.rs" "$file"
    else
      cp "$(ls "$repo/katas/$slug/wrong/"*.rs | head -1)" "$file"
    fi
  done
done
katas=$(IFS=,; echo "${slugs[*]}")
echo "katas (M=$m): $katas"

# Warm-up: dependencies and the assertion helper compile once.
max_jobs=$(printf '%s\n' "${jobs[@]}" | sort -n | tail -1)
"$kata" grade s1 s2 --katas "$katas" --jobs "$max_jobs" --format json --out /dev/null 2>/dev/null || true

ms() { date +%s%N | cut -c1-13; }
printf '%-4s %-4s %-6s %10s %22s %14s %14s %16s\n' N M jobs "wall (s)" "submission-katas/min" "builds (s)" "tests (s)" "runner peak MiB"
for n in "${ns[@]}"; do
  subs=()
  for s in $(seq 1 "$n"); do subs+=("s$s"); done
  for j in "${jobs[@]}"; do
    t0=$(ms)
    "$kata" grade "${subs[@]}" --katas "$katas" --jobs "$j" --format json --out "grades-$n-$j.json" 2>/dev/null &
    pid=$!
    # The runner's own peak resident memory (VmHWM; cargo, rustc and the tests are not counted).
    peak_kb=0
    while kb=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null) && [[ -n $kb ]]; do
      peak_kb=$kb
      sleep 0.05
    done
    wait "$pid"
    wall=$(( $(ms) - t0 ))
    python3 - "grades-$n-$j.json" "$n" "$m" "$j" "$wall" "$peak_kb" <<'PY'
import json, sys
path, n, m, j, wall, peak_kb = sys.argv[1], *map(int, sys.argv[2:])
katas = [k for s in json.load(open(path))["submissions"] for k in s["katas"]]
builds = sum(k["compile"]["duration_ms"] for k in katas) / 1000
tests = sum(t["duration_ms"] for k in katas for t in k["tests"]) / 1000
print(f"{n:<4} {m:<4} {j:<6} {wall / 1000:10.1f} {n * m * 60000 / wall:22.1f} {builds:14.1f} {tests:14.1f} {peak_kb / 1024:16.1f}")
PY
  done
done
