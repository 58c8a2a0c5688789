#!/usr/bin/env bash
# Configures and builds the release preset with every core (used by scripts/run and scripts/test).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
preset=${EXAMREADY_PRESET:-release}
. scripts/ccache.sh
if [ ! -f "build/$preset/CMakeCache.txt" ]; then
  cmake --preset "$preset" "${launcher[@]}" >/dev/null
fi
cmake --build --preset "$preset" -j "$(nproc)"
