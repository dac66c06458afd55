#!/usr/bin/env bash
# make bench: runs every Tests/bench/bench-*.sh in turn. Each reports medians over repeated runs,
# side by side with a peer program timed in the same loop, as ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
export TWLAB="$PWD/.build/release/twlab"
for script in Tests/bench/bench-*.sh; do
  [ -e "$script" ] || continue
  echo "== $(basename "$script" .sh)"
  bash "$script"
done
