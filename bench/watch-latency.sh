#!/usr/bin/env bash
# Save-to-verdict latency of `kata watch`: from the write of the learner's file to the verdict's
# line on stdout, warm, beside the floor (plain `cargo test` of the same code in a persistent
# crate after the same edit) measured in the same run.
#
#   bench/watch-latency.sh [SLUG] [RUNS]      (default: two_sum_pairs, 10)
slug=${1:-two_sum_pairs}
runs=${2:-10}
source "$(dirname "$0")/lib.sh"

# Every other kata counts as passed, so passing keeps SLUG current instead of moving on.
"$kata" --workspace ws list --json | python3 -c "
import json, sys
slugs = [k['slug'] for k in json.load(sys.stdin)['katas'] if k['slug'] != '$slug']
json.dump({'version': 1, 'current': '$slug', 'passed': slugs}, open('ws/.kata/state.json', 'w'))"

python3 - "$kata" "$file" "$runs" <<'PY' | summarise watch
import subprocess, sys, time, json
kata, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
watch = subprocess.Popen([kata, "--workspace", "ws", "watch", "--json"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
def verdict():
    status = json.loads(watch.stdout.readline())["katas"][0]["status"]
    if status != "passed":
        sys.exit(f"the reference did not pass under watch: {status}")
verdict()  # the check watch mode starts with
for i in range(runs + 1):
    start = time.monotonic()
    with open(path, "a") as f:
        f.write(f"// save {i}\n")
    verdict()
    if i > 0:  # the first save is a warm-up
        print(round((time.monotonic() - start) * 1000))
watch.stdin.write("q\n")
watch.stdin.close()
watch.wait()
PY
measure cargo-test floor/src/lib.rs env -C floor RUST_BACKTRACE=0 cargo test -q
measure rustc-test rustc-floor/one.rs rustc_floor
ratio watch rustc-test
ratio watch cargo-test
echo "(debounce window: 25 ms, included in the watch figure)"
