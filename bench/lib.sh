# Shared set-up for the latency benchmarks: a release runner, a workspace with the reference
# solution of $slug in place, and the floor — a persistent crate with the same manifest, suite
# and profile, built by plain `cargo test`. Sourced by the scripts beside it; expects $slug, $runs.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cargo build -q --release --manifest-path "$repo/Cargo.toml" -p kata
kata="$repo/target/release/kata"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KATA_CACHE_DIR=${KATA_CACHE_DIR:-$repo/target/kata-cache} NO_COLOR=1

cd "$work"
"$kata" init ws >/dev/null
file=$("$kata" --workspace ws list --json | python3 -c "import json,sys; print(next(k['path'] for k in json.load(sys.stdin)['katas'] if k['slug']=='$slug'))")
cp "$repo/solutions/$slug.rs" "$file"

mkdir -p floor/src floor/tests
cp "$repo/solutions/$slug.rs" floor/src/lib.rs
cp "$repo/katas/$slug/tests/hidden.rs" floor/tests/hidden.rs
cp "$repo/katas/deps/Cargo.lock" floor/Cargo.lock
deps=$(sed -n '/^\[dependencies\]/,/^\[/p' "$repo/katas/deps/Cargo.toml" | grep -v '^\[')
cat > floor/Cargo.toml <<TOML
[package]
name = "$slug"
version = "0.0.0"
edition = "2021"
[lib]
test = false
doctest = false
[dependencies]
$deps
[dev-dependencies]
kata-assert = { path = "$KATA_CACHE_DIR/kata-assert" }
[profile.test]
debug = 0
opt-level = 1
[workspace]
TOML
# Materialises kata-assert in the cache, then warms the floor.
"$kata" --workspace ws check "$slug" >/dev/null 2>&1 || true
(cd floor && RUST_BACKTRACE=0 cargo test -q >/dev/null 2>&1) || true

# The compiler's own floor: `rustc --test` of the library and its suite as one file (the library
# as a module), with the same optimisation and incremental compilation, linked against the
# dependencies the kata build compiled; then the test binary runs.
mkdir -p rustc-floor
{
  echo "#[allow(dead_code)] mod $slug {"
  cat "$repo/solutions/$slug.rs"
  echo "}"
  cat "$repo/katas/$slug/tests/hidden.rs"
} > rustc-floor/one.rs
deps_dir="$KATA_CACHE_DIR/target/debug/deps"
externs=()
for crate in kata_assert $(sed -n 's/^dependencies *= *\[\(.*\)\]/\1/p' "$repo/katas/$slug/kata.toml" | tr -d '", ' | tr '-' '_' | tr ',' ' '); do
  rlib=$(ls -t "$deps_dir"/lib"$crate"-*.rlib | head -1)
  externs+=(--extern "$crate=$rlib")
done
rustc_floor() {
  rustc --edition 2021 --test -C opt-level=1 -C debuginfo=0 -C incremental=rustc-floor/incremental \
    -L "dependency=$deps_dir" "${externs[@]}" rustc-floor/one.rs -o rustc-floor/tests &&
    RUST_BACKTRACE=0 rustc-floor/tests -q
}
rustc_floor >/dev/null 2>&1 || { echo "the rustc --test floor does not build:"; rustc_floor; exit 1; }

ms() { date +%s%N | cut -c1-13; }

# measure LABEL FILE COMMAND...: append a line to FILE, time COMMAND; $runs times after a warm-up.
measure() {
  local label=$1 target=$2; shift 2
  "$@" >/dev/null 2>&1 || true
  for i in $(seq "$runs"); do
    echo "// edit $i $RANDOM" >> "$target"
    local t0; t0=$(ms)
    "$@" >/dev/null 2>&1 || true
    echo $(( $(ms) - t0 ))
  done | summarise "$label"
}

# summarise LABEL: milliseconds on stdin, one per line -> median and range; keeps the median.
summarise() {
  sort -n | awk -v label="$1" -v out="$work/median-$1" '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%-30s median %5d ms   range %d-%d ms   (n=%d)\n", label, m, a[1], a[NR], NR; print m > out}'
}

# ratio A B: the medians of two labels, divided.
ratio() {
  awk -v a="$(cat "$work/median-$1")" -v b="$(cat "$work/median-$2")" -v la="$1" -v lb="$2" 'BEGIN {printf "ratio %s/%s: %.2f\n", la, lb, a/b}'
}
