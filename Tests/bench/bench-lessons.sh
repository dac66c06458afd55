#!/usr/bin/env bash
# Lessons speed: how long `twlab lint Lessons` takes (parse every lesson, run every scenario and
# prediction), a lint of one lesson file, and the shell reaching its prompt with every lesson
# loaded (`lessons` then `quit` on stdin), each side by side with peers timed in the same hyperfine
# run: Python parsing the same front matters and directive blocks with PyYAML (parsing only, no
# simulation), `python3 -c pass` (interpreter start-up) and `twlab --version` (process start-up
# alone). Medians, then ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
TWLAB="${TWLAB:-$PWD/.build/release/twlab}"
LESSONS="$PWD/Lessons"
RUNS="${BENCH_RUNS:-15}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

cat > "$OUT/parse.py" <<'PY'
import glob, re, sys, yaml
count = 0
for path in sorted(glob.glob(sys.argv[1] + "/en/*.md")):
    if path.endswith("README.md"):
        continue
    text = open(path, encoding="utf-8").read()
    front = text.split("---\n")[1]
    yaml.safe_load(front); count += 1
    for body in re.findall(r"^```(?:sim|predict|lab|quiz)\n(.*?)^```", text, re.S | re.M):
        yaml.safe_load(body); count += 1
print(count, "YAML documents")
PY

if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "PyYAML is missing; the Python peer is replaced by python3 -c pass alone" >&2
  PEER="python3 -c pass"
else
  PEER="python3 $OUT/parse.py $LESSONS"
fi

hyperfine --style none --warmup 2 --runs "$RUNS" --export-json "$OUT/lint.json" \
  -n "twlab lint Lessons" "$TWLAB lint --no-warnings $LESSONS" \
  -n "twlab lint one lesson" "$TWLAB lint --no-warnings $LESSONS/en/02-lost-final-ack.md" \
  -n "python3 PyYAML parse of the same blocks" "$PEER" \
  -n "shell prompt with all lessons loaded" "printf 'lessons\nquit\n' | $TWLAB --lessons $LESSONS" \
  -n "twlab --version" "$TWLAB --version" \
  -n "python3 -c pass" "python3 -c pass" >/dev/null

python3 - "$OUT/lint.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
median = {r["command"]: r["median"] * 1000 for r in results}
peer = median["python3 PyYAML parse of the same blocks"]
start = median["twlab --version"]
for name, ms in median.items():
    print(f"{name:45s} median {ms:8.1f} ms   ratio to PyYAML parse {ms / peer:5.2f}   to twlab --version {ms / start:5.2f}")
PY
