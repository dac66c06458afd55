#!/usr/bin/env bash
# bench-sockets: with 50,000 TIME_WAIT sockets present (made inside a private network namespace), the wall
# time of `twlab sockets --state time-wait --count` and `--json`, each side by side with
# `ss -tan state time-wait` in the same hyperfine run. Prints medians and the ratio twlab/ss (target ≤ 1.0).
# Nothing touches the host: the sockets, the sysctls and the namespace vanish when the script ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
TWLAB="${TWLAB:-$PWD/.build/release/twlab}"
COUNT="${TW_SOCKETS:-50000}"
RUNS="${BENCH_RUNS:-15}"
[ -x "$TWLAB" ] || { echo "bench-sockets: $TWLAB is missing; run: swift build -c release" >&2; exit 1; }
command -v ss >/dev/null || { echo "bench-sockets: ss (iproute2) is missing" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench-sockets: python3 is missing" >&2; exit 1; }

if [ "${TWLAB_BENCH_INSIDE:-}" != 1 ]; then
  # Re-enter this script inside a fresh network namespace (a user namespace too when not root).
  if [ "$(id -u)" = 0 ]; then launcher=(unshare --net); else launcher=(unshare --user --map-root-user --net); fi
  exec env TWLAB_BENCH_INSIDE=1 TWLAB="$TWLAB" "${launcher[@]}" -- bash "$0" "$@"
fi

# --- inside the private namespace from here on ---
ip link set lo up 2>/dev/null || python3 -c 'import socket,fcntl,struct; s=socket.socket(); f=struct.unpack("16sH",fcntl.ioctl(s,0x8913,struct.pack("16sH",b"lo",0)))[1]; fcntl.ioctl(s,0x8914,struct.pack("16sH",b"lo",f|1))'
echo 262144 > /proc/sys/net/ipv4/tcp_max_tw_buckets
echo "1024 65000" > /proc/sys/net/ipv4/ip_local_port_range
echo 0 > /proc/sys/net/ipv4/tcp_tw_reuse   # else loopback connects recycle old TIME_WAIT tuples

start=$(date +%s)
python3 - "$COUNT" <<'PY'
import socket, sys
count = int(sys.argv[1])
# Eight destinations on 127.0.0.0/8 so no (source, destination, port) tuple runs short of ports.
destinations = [(f"127.0.0.{a}", p) for a in (1, 2, 3, 4) for p in (5000, 5001)]
listeners = {}
for d in destinations:
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(d)
    s.listen(1024)
    listeners[d] = s
for i in range(count):
    d = destinations[i % len(destinations)]
    c = socket.socket()
    c.connect(d)
    a, _ = listeners[d].accept()
    c.close()          # the client closes first: it will hold TIME_WAIT
    a.recv(1)
    a.close()
for s in listeners.values():
    s.close()
PY
made=$(ss -tan state time-wait | tail -n +2 | wc -l)
echo "TIME_WAIT sockets in the namespace: $made (made in $(( $(date +%s) - start )) s; they last 60 s)"
check=$("$TWLAB" sockets --state time-wait --count | awk '$1=="TIME_WAIT"{print $2}')
echo "twlab counts: ${check:-0}"

median() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join("%.2f" % (r["median"]*1000) for r in d["results"]))' "$1"; }
report() {
  local label=$1 json=$2
  read -r tw ss_ms < <(median "$json")
  python3 -c 'import sys; t,s=float(sys.argv[2]),float(sys.argv[3]); print(f"{sys.argv[1]:<44} twlab {t:7.2f} ms   ss {s:7.2f} ms   ratio {t/s:5.2f}")' "$label" "$tw" "$ss_ms"
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$tmp/count.json" \
    "$TWLAB sockets --state time-wait --count" "ss -tan state time-wait" >/dev/null 2>&1
  hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$tmp/json.json" \
    "$TWLAB sockets --state time-wait --json" "ss -tan state time-wait" >/dev/null 2>&1
  hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$tmp/proc.json" \
    "$TWLAB sockets --state time-wait --count --source proc" "ss -tan state time-wait" >/dev/null 2>&1
  report "sockets --state time-wait --count vs ss" "$tmp/count.json"
  report "sockets --state time-wait --json  vs ss" "$tmp/json.json"
  report "(the /proc fallback) --count --source proc vs ss" "$tmp/proc.json"
else
  echo "bench-sockets: hyperfine is missing; install it for medians" >&2
fi
left=$(( 60 - ($(date +%s) - start) ))
echo "(all timings within the 60 s the TIME_WAIT sockets live; ${left} s were left)"
