#!/usr/bin/env bash
# The native and the WebAssembly build of the web check's core give the same answers for the
# same recorded session (webcheck_replay natively and in node; compare_replays.mjs).
# Usage: replay_test.sh NATIVE_REPLAY WASM_REPLAY_JS SESSION.json RULES.toml
set -euo pipefail
native=$1 wasm=$2 session=$3 rules=$4 optional=${5:-}
# A session recorded by the browser test ("optional") is missing when Chromium was not there
# to record it; a committed fixture must be there.
[[ -f $session || $optional != optional ]] || { echo "SKIP: no recorded session $session"; exit 77; }
work=$(mktemp -d /tmp/webcheck-replay.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$native" "$session" "$rules" >"$work/native.txt"
# --no-experimental-fetch: emscripten 3.1.6's node loader reads the .wasm with fetch() when
# node has one, which fails for a file path (RECIPES.md §9).
node --no-experimental-fetch "$wasm" "$session" "$rules" >"$work/wasm.txt"
node "$(dirname "$0")/compare_replays.mjs" "$work/native.txt" "$work/wasm.txt"
