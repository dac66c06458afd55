#!/usr/bin/env bash
# Shell start-up: the median wall time of `twlab --version` and of a piped `help`/`quit` session,
# side by side with `python3 -c pass` timed in the same loop (runs interleaved, so machine load hits
# all three alike). Goal: the shell is ready well before Python has even started.
set -euo pipefail
cd "$(dirname "$0")/../.."
TWLAB="${TWLAB:-$PWD/.build/release/twlab}"
RUNS="${BENCH_RUNS:-30}"
# The interpreter itself, not a version-manager shim (a pyenv shim alone costs hundreds of ms).
PYTHON="${PYTHON:-$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || command -v python3 )}"
[ -x "$TWLAB" ] || { echo "no $TWLAB: run 'make build' (or make bench) first" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now_ns() { date +%s%N; }

version_ms=(); session_ms=(); python_ms=()
for _ in $(seq "$RUNS"); do
  t0=$(now_ns); "$TWLAB" --version >/dev/null
  t1=$(now_ns); printf 'help\nquit\n' | NO_COLOR=1 "$TWLAB" >/dev/null
  t2=$(now_ns); "$PYTHON" -c pass
  t3=$(now_ns)
  version_ms+=("$(( (t1 - t0) / 1000 ))"); session_ms+=("$(( (t2 - t1) / 1000 ))"); python_ms+=("$(( (t3 - t2) / 1000 ))")
done

v=$(printf '%s\n' "${version_ms[@]}" | median)
s=$(printf '%s\n' "${session_ms[@]}" | median)
p=$(printf '%s\n' "${python_ms[@]}" | median)
awk -v v="$v" -v s="$s" -v p="$p" -v runs="$RUNS" -v PYTHON="$PYTHON" 'BEGIN {
  printf "median of %d runs (wall time)\n", runs
  printf "  %-36s %8.2f ms\n", "twlab --version", v / 1000
  printf "  %-36s %8.2f ms\n", "printf \"help\\nquit\" | twlab", s / 1000
  printf "  %-36s %8.2f ms\n", PYTHON " -c pass (peer)", p / 1000
  printf "ratio to python3 -c pass: --version %.2f, help/quit session %.2f (below 1 is faster)\n", v / p, s / p
}'
