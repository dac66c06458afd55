#!/usr/bin/env bash
# bench-tutor: how long the tutor takes to be ready, side by side with peers in the same loop.
#  - `lessons` in a fresh shell (catalog + a large progress file loaded) vs `twlab --version`
#    (process start alone): the ratio is the tutor's start-up cost.
#  - loading that progress file: twlab (`progress` in a fresh shell) vs jq parsing the same JSON.
# Medians over repeated runs (hyperfine), as ratios. Run through `make bench` (release build).
set -euo pipefail
cd "$(dirname "$0")/../.."
TWLAB="${TWLAB:-$PWD/.build/release/twlab}"
[ -x "$TWLAB" ] || { echo "bench-tutor: build first (make build); $TWLAB is missing" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "bench-tutor: needs hyperfine" >&2; exit 1; }
command -v jq >/dev/null || { echo "bench-tutor: needs jq" >&2; exit 1; }

home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
# A heavy learner: 200 lessons' worth of records, 20 questions each (far more than twlab ships).
python3 - "$home/progress.json" <<'PY'
import json, sys
lessons = {}
for l in range(200):
    qs = {f"l{l}/q{q}": {"attempts": 3, "hintsUsed": 1, "skipped": False, "revealed": False,
                          "solved": True, "missed": False, "secondsSpent": 42.5, "lastAnswer": "TIME_WAIT"}
          for q in range(20)}
    lessons[f"l{l}"] = {"step": 3, "started": "2026-11-25T20:00:00Z", "questions": qs}
json.dump({"version": 1, "lessons": lessons}, open(sys.argv[1], "w"))
PY
printf 'lessons\n' > "$home/lessons.twl"
printf 'progress\n' > "$home/progress.twl"
export TWLAB_HOME="$home" NO_COLOR=1

median() { jq -r ".results[$1].median" "$home/out.json"; }

hyperfine -N --warmup 3 --runs 30 --export-json "$home/out.json" \
  "$TWLAB --version" "$TWLAB --script $home/lessons.twl" >/dev/null
base=$(median 0); ready=$(median 1)
printf 'ready with lessons listed: %.1f ms   twlab --version: %.1f ms   ratio %.2f\n' \
  "$(echo "$ready*1000" | bc -l)" "$(echo "$base*1000" | bc -l)" "$(echo "$ready/$base" | bc -l)"

hyperfine -N --warmup 3 --runs 30 --export-json "$home/out.json" \
  "$TWLAB --script $home/progress.twl" "jq -c . $home/progress.json" >/dev/null
mine=$(median 0); peer=$(median 1)
printf 'progress (%s KiB) in a fresh shell: %.1f ms   jq parsing it: %.1f ms   ratio %.2f\n' \
  "$(( $(stat -c %s "$home/progress.json") / 1024 ))" \
  "$(echo "$mine*1000" | bc -l)" "$(echo "$peer*1000" | bc -l)" "$(echo "$mine/$peer" | bc -l)"
