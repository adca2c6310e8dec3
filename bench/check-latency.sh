#!/usr/bin/env bash
# Warm check latency of `kata check SLUG` after a one-line edit, beside its floors in the same
# run: plain `cargo test` of the same code in a persistent crate after the same edit, and
# `rustc --test` of the library and suite as one file.
#
#   bench/check-latency.sh [SLUG] [RUNS]      (default: two_sum_pairs, 10)
#
# Prints the median and range of each, in milliseconds, and their ratio.
slug=${1:-two_sum_pairs}
runs=${2:-10}
source "$(dirname "$0")/lib.sh"

measure kata-check "$file" "$kata" --workspace ws check "$slug"
measure cargo-test floor/src/lib.rs env -C floor RUST_BACKTRACE=0 cargo test -q
measure rustc-test rustc-floor/one.rs rustc_floor
ratio kata-check rustc-test
ratio kata-check cargo-test
