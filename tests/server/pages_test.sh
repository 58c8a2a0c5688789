#!/usr/bin/env bash
# The helpdesk and stats pages in headless Chromium against a real collector (SQLite,
# rules xiaoyibang). Screenshots go to $3 (default build/screenshots). The stats page is fed
# by bulk-loaded synthetic rows (examready-bulkload); the helpdesk pair is uploaded for real.
set -euo pipefail
apps=$1 bench=$2 out=${3:-$(cd "$(dirname "$0")/../.." && pwd)/build/screenshots}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/exr-pages.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$out"
if ! command -v chromedriver >/dev/null || ! /usr/bin/python3 -c 'import selenium' 2>/dev/null; then
  echo "SKIP: chromium-driver or python3-selenium not installed"; exit 0
fi
export HOME=$work   # Chromium writes into $HOME
"$bench/examready-bulkload" --db "sqlite:$work/c.db" --count 3000 --batch 3000 >/dev/null
token=helpdesk-token-$RANDOM$RANDOM
EXAMREADY_HELPDESK_TOKENS=$token "$apps/examready-server" --db "sqlite:$work/c.db" --listen 127.0.0.1:0 \
  --port-file "$work/port" --quiet 2>"$work/server.log" &
pids+=($!)
for _ in $(seq 200); do [[ -s $work/port ]] && break; sleep 0.05; done
base=http://127.0.0.1:$(cat "$work/port")
# A real pair: the primary (this machine) and a secondary naming it with the primary's code
# and pairing proof, both printed with the primary's code (on stderr with --json).
export XDG_STATE_HOME=$work/state
"$apps/examready" check --only os,device,storage,battery --upload --server "$base" --json \
  >"$work/primary.json" 2>"$work/primary.err" || true
code=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["code"])' "$work/primary.json")
proof=$(grep -o -- '--pair-proof [0-9A-Z]*' "$work/primary.err" | cut -d' ' -f2)
[[ -n $proof ]] || { echo "FAIL: the primary printed no pairing proof"; cat "$work/primary.err"; exit 1; }
"$apps/examready" check --only os,device --role secondary --pair "$code" --pair-proof "$proof" \
  --upload --server "$base" --json >"$work/secondary.json" 2>"$work/secondary.err" || true
grep -q "^uploaded" "$work/secondary.err" ||
  { echo "FAIL: secondary upload"; cat "$work/secondary.err"; exit 1; }
secondary=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["code"])' "$work/secondary.json")
echo "primary $code, secondary $secondary"
/usr/bin/python3 "$here/pages_selenium.py" "$base" "$token" "$code" "$secondary" "$out" "$work"
