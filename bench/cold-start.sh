#!/usr/bin/env bash
# Cold start: the first checks after a clone, with an empty kata cache, so the assertion helper
# and each kata's dependencies compile. Three katas in a row: one without dependencies, one with
# tokio (which compiles tokio and its dependencies), and another with tokio (which must reuse
# them: dependencies compile once per machine, not once per kata).
#
#   bench/cold-start.sh [PLAIN_SLUG] [TOKIO_SLUG] [SECOND_TOKIO_SLUG]
#       (default: two_sum_pairs tcp_echo_server async_blocking)
#
# The runner itself is built first and not timed (`cargo run -q` builds it once, in about a
# minute on two cores).
set -euo pipefail
slugs=("${1:-two_sum_pairs}" "${2:-tcp_echo_server}" "${3:-async_blocking}")
repo=$(cd "$(dirname "$0")/.." && pwd)
cargo build -q --release --manifest-path "$repo/Cargo.toml" -p kata
kata="$repo/target/release/kata"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KATA_CACHE_DIR="$work/cache" NO_COLOR=1
cd "$work"
"$kata" init ws >/dev/null
ms() { date +%s%N | cut -c1-13; }
for slug in "${slugs[@]}"; do
  file=$("$kata" --workspace ws list --json | python3 -c "import json,sys; print(next(k['path'] for k in json.load(sys.stdin)['katas'] if k['slug']=='$slug'))")
  cp "$repo/solutions/$slug.rs" "$file"
  t0=$(ms)
  "$kata" --workspace ws check "$slug" --json > out.json 2>/dev/null || true
  wall=$(( $(ms) - t0 ))
  python3 - "$slug" "$wall" <<'PY'
import json, sys
slug, wall = sys.argv[1], int(sys.argv[2])
k = json.load(open("out.json"))["katas"][0]
print(f"{slug:<20} first check {wall / 1000:6.1f} s   (compile {k['compile']['duration_ms'] / 1000:.1f} s, status {k['status']})")
PY
done
