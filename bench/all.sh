#!/usr/bin/env bash
# Every benchmark, each against its floor in the same run: check latency for a kata without
# dependencies and one with tokio, watch-mode save-to-verdict latency, cold start, and grading
# throughput with the runner's peak memory. Takes about ten minutes on two cores.
#
#   bench/all.sh [RUNS]      (default: 10 edits per latency figure)
set -euo pipefail
runs=${1:-10}
here=$(dirname "$0")
echo "== check latency, no dependencies (two_sum_pairs)"
"$here/check-latency.sh" two_sum_pairs "$runs"
echo "== check latency, tokio (async_blocking)"
"$here/check-latency.sh" async_blocking "$runs"
echo "== watch mode, save to verdict (two_sum_pairs)"
"$here/watch-latency.sh" two_sum_pairs "$runs"
echo "== cold start"
"$here/cold-start.sh"
echo "== grading throughput and runner memory"
"$here/grade-throughput.sh" 5 2 4 -- 1 2
