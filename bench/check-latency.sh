#!/usr/bin/env bash
# Warm check latency of `kata check SLUG` after a one-line edit, beside its floor: plain
# `cargo test` of the same code in a persistent crate after the same edit, in the same run.
#
#   bench/check-latency.sh [SLUG] [RUNS]      (default: two_sum_pairs, 10)
#
# Prints the median and range of each, in milliseconds, and their ratio.
set -euo pipefail
slug=${1:-two_sum_pairs}
runs=${2:-10}
repo=$(cd "$(dirname "$0")/.." && pwd)
cargo build -q --release --manifest-path "$repo/Cargo.toml" -p kata
kata="$repo/target/release/kata"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KATA_CACHE_DIR=${KATA_CACHE_DIR:-$repo/target/kata-cache} NO_COLOR=1

cd "$work"
"$kata" init ws >/dev/null
file=$("$kata" --workspace ws list --json | python3 -c "import json,sys; print(next(k['path'] for k in json.load(sys.stdin)['katas'] if k['slug']=='$slug'))")
cp "$repo/solutions/$slug.rs" "$file"

# The floor: a persistent crate with the same manifest, suite and profile.
mkdir -p floor/src floor/tests
cp "$repo/solutions/$slug.rs" floor/src/lib.rs
cp "$repo/katas/$slug/tests/hidden.rs" floor/tests/hidden.rs
cp "$repo/katas/deps/Cargo.lock" floor/Cargo.lock
cat > floor/Cargo.toml <<TOML
[package]
name = "$slug"
version = "0.0.0"
edition = "2021"
[lib]
test = false
doctest = false
[dev-dependencies]
kata-assert = { path = "$KATA_CACHE_DIR/kata-assert" }
[profile.test]
debug = 0
opt-level = 1
[workspace]
TOML
(cd floor && RUST_BACKTRACE=0 cargo test -q >/dev/null 2>&1) || true

ms() { date +%s%N | cut -c1-13; }
measure() { # label, file to edit, command...
  local label=$1 target=$2; shift 2
  "$@" >/dev/null 2>&1 || true   # warm-up
  for i in $(seq "$runs"); do
    echo "// edit $i $RANDOM" >> "$target"
    local t0; t0=$(ms)
    "$@" >/dev/null 2>&1 || true
    echo $(( $(ms) - t0 ))
  done | sort -n | awk -v label="$label" '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%-30s median %5d ms   range %d-%d ms   (n=%d)\n", label, m, a[1], a[NR], NR; print m > "'"$work"'/median-" label}'
}
measure kata "$file" "$kata" --workspace ws check "$slug"
measure floor floor/src/lib.rs env -C floor RUST_BACKTRACE=0 cargo test -q
awk -v k="$(cat "$work/median-kata")" -v f="$(cat "$work/median-floor")" 'BEGIN {printf "ratio kata/floor: %.2f (kata check = median of the first line, floor = plain cargo test)\n", k/f}'
