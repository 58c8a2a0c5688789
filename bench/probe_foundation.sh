#!/usr/bin/env bash
# bench/probe_foundation: wall time and peak RSS of the foundation checks
# (goal: < 50 ms, < 20 MB), run as a user would, compared with `df` as a floor reference.
# Usage: bench/probe_foundation.sh BUILD_DIR [RUNS]
set -euo pipefail
build=${1:?build dir}
runs=${2:-30}
stats="$build/bench/command_stats"
"$stats" --runs "$runs" --label "examready check (os,device,storage,battery)" -- \
  "$build/apps/examready" check --json --only os,device,storage,battery
"$stats" --runs "$runs" --label "reference: df -B1 \$HOME" -- df -B1 "$HOME"
