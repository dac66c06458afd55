#!/usr/bin/env bash
# Simulator speed: events per second, and the wall time of `twlab sim active-close --explore 4`.
# Peers timed in the same loop: a Python discrete-event loop doing comparable work (a heap of
# timestamped events), and `twlab --version` (process start-up alone). Medians of repeated runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
TWLAB="${TWLAB:-$PWD/.build/release/twlab}"
LESSONS="$PWD/Lessons"
RUNS="${BENCH_RUNS:-5}"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Peer: the same kind of work in Python — pop timestamped events from a heap, update a tiny
# two-endpoint state, schedule the reply — for about one second, and report events per second.
python_events_per_second() {
  python3 - <<'PY'
import heapq, time
def run_once():
    heap, seq, events = [], 0, 0
    heapq.heappush(heap, (0, 0, ("deliver", 0, 1000))); seq = 1
    states = [0, 0]
    while heap and events < 44:
        t, _, (kind, who, number) = heapq.heappop(heap)
        events += 1
        states[who] = (states[who] + 1) % 11
        if events < 44:
            seq += 1
            heapq.heappush(heap, (t + 5, seq, ("deliver", 1 - who, number + 1)))
    return events
start = time.perf_counter(); total = 0
while time.perf_counter() - start < 1.0:
    for _ in range(100): total += run_once()
print(int(total / (time.perf_counter() - start)))
PY
}

twlab_events=(); python_events=()
for _ in $(seq "$RUNS"); do
  twlab_events+=("$("$TWLAB_AIDS" _sim-bench active-close --lessons "$LESSONS" | sed -E 's/.*= ([0-9]+) events\/s/\1/')")
  python_events+=("$(python_events_per_second)")
done
te=$(printf '%s\n' "${twlab_events[@]}" | median)
pe=$(printf '%s\n' "${python_events[@]}" | median)
echo "simulator events/s (median of $RUNS): twlab $te, python heap loop $pe, ratio $(awk -v a="$te" -v b="$pe" 'BEGIN{printf "%.1fx", a/b}') (target: at least 1,000,000)"

explore_ms=(); version_ms=()
for _ in $(seq "$RUNS"); do
  s=$(date +%s%N); "$TWLAB" sim active-close --lessons "$LESSONS" --explore 4 >/dev/null; e=$(date +%s%N)
  explore_ms+=("$(( (e - s) / 1000000 ))")
  s=$(date +%s%N); "$TWLAB" --version >/dev/null; e=$(date +%s%N)
  version_ms+=("$(( (e - s) / 1000000 ))")
done
xm=$(printf '%s\n' "${explore_ms[@]}" | median)
vm=$(printf '%s\n' "${version_ms[@]}" | median)
runs=$("$TWLAB" sim active-close --lessons "$LESSONS" --explore 4 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["runs"])')
echo "sim active-close --explore 4 ($runs runs): ${xm} ms wall (median of $RUNS); twlab --version start-up ${vm} ms; ratio $(awk -v a="$xm" -v b="$vm" 'BEGIN{ if (b == 0) b = 1; printf "%.1fx", a/b}') (target: under 1000 ms)"
