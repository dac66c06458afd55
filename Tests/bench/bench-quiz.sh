#!/usr/bin/env bash
# Grading a class: 1,000 answers files for every shipped lesson in one `twlab quiz grade` call (target:
# under 2 s on a 2-core machine), beside a peer that only loads the same 1,000 YAML files with PyYAML.
# Reports medians of repeated runs and their ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
TWLAB="${TWLAB:-$PWD/.build/release/twlab}"
LESSONS="${BENCH_LESSONS:-$PWD/Lessons}"
if [ ! -d "$LESSONS/en" ]; then echo "bench-quiz: skipped (no Lessons/en yet)"; exit 0; fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

# The canonical answers of every question (from the grader's own JSON report of an empty file).
printf 'student: probe\nanswers: {}\n' > "$work/probe.yaml"
"$TWLAB" quiz grade "$work/probe.yaml" --lessons "$LESSONS" --format json > "$work/probe.json" || true

# 1,000 students: each answers every question, right or wrong at random (seeded), some skip one.
mkdir "$work/class"
python3 - "$work/probe.json" "$work/class" <<'PY'
import json, random, sys
questions = json.load(open(sys.argv[1]))["questions"]
rng = random.Random(42)
for n in range(1000):
    lines = [f'student: "s{n:04d}"', "answers:"]
    for q in questions:
        r = rng.random()
        if r < 0.05: continue
        answer = q["expected"] if r < 0.7 else "CLOSE_WAIT"
        lines.append(f'  "{q["id"]}": {json.dumps(answer)}')
    open(f"{sys.argv[2]}/s{n:04d}.yaml", "w").write("\n".join(lines) + "\n")
PY
echo "1,000 answers files, $(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['questions']))" "$work/probe.json") questions each"

cat > "$work/peer.py" <<'PY'
import glob, sys, yaml
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
n = sum(len(yaml.load(open(f), Loader=Loader)["answers"]) for f in glob.glob(sys.argv[1] + "/*.yaml"))
PY

hyperfine --warmup 1 --runs 7 -i --export-json "$work/times.json" \
  -n "twlab quiz grade (1,000 files, csv)" "'$TWLAB' quiz grade $work/class/*.yaml --lessons '$LESSONS' --format csv --output $work/gradebook.csv" \
  -n "python3 PyYAML load (1,000 files)" "python3 $work/peer.py $work/class" >/dev/null
python3 - "$work/times.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
ours, peer = results[0]["median"], results[1]["median"]
print(f"twlab quiz grade: median {ours:.3f} s (target < 2 s: {'met' if ours < 2 else 'MISSED'})")
print(f"python3 PyYAML load only: median {peer:.3f} s")
print(f"ratio twlab/python: {ours / peer:.2f}x")
PY
