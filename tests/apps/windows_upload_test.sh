#!/usr/bin/env bash
# examready.exe (under Wine) triages a phone from a pasted getprop dump and uploads the report
# to the Linux collector on loopback; with the collector down the report waits in the queue
# under %LOCALAPPDATA%\ExamReady and `examready.exe upload` delivers it exactly once. The dump
# also comes on stdin, as a helpdesk pastes it.
# Usage: windows_upload_test.sh EXAMREADY_EXE EXAMREADY_SERVER DUMP
set -euo pipefail
exe=$1 server=$2 dump=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
wine_run=$here/../../scripts/wine-run
[ -x "$server" ] || { echo "FAIL: no collector at $server (build the release preset first)"; exit 1; }
work=$(mktemp -d /tmp/exr-win-upload.XXXXXX)
server_pid=
state=
cleanup() {
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true
  rm -rf "$work" "$state"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; for f in "$work"/*.log; do echo "--- $f"; cat "$f"; done; exit 1; }
# The queue where Windows keeps it: %LOCALAPPDATA% of the prefix's user (Wine sets the
# variable itself). The test starts and ends with it empty.
export WINEPREFIX=${WINEPREFIX:-$(cd "$here/../.." && pwd)/build/windows/wine-prefix}
"$wine_run" cmd /c exit 0  # makes the prefix if this is the first test to run
state=$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local/ExamReady
queue=$state/queue
rm -rf "$state"
queued() { find "$queue" -maxdepth 1 -name '*.json' 2>/dev/null | wc -l; }
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
stored() { curl -sf "http://127.0.0.1:$port/healthz" | jq '.stored_reports'; }

echo "== collector down: the report is queued"
set +e
"$wine_run" "$exe" check --from-getprop "$dump" --rules xiaoyibang --upload \
  --server "http://127.0.0.1:$port" --upload-attempts 1 >"$work/check1.log" 2>&1
set -e
grep -q "stays queued" "$work/check1.log" || fail "no 'stays queued' message"
[ "$(queued)" = 1 ] || fail "expected 1 queued report, found $(queued)"

echo "== collector up: examready.exe upload delivers it once"
"$server" --db "sqlite:$work/collector.db" --listen "127.0.0.1:$port" --quiet \
  --port-file "$work/port" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || fail "collector did not start"
"$wine_run" "$exe" upload --server "http://127.0.0.1:$port" >"$work/upload.log" 2>&1 || fail "upload failed"
[ "$(queued)" = 0 ] || fail "queue not empty after upload"
[ "$(stored)" = 1 ] || fail "collector holds $(stored) reports, expected 1"
"$wine_run" "$exe" upload --server "http://127.0.0.1:$port" >"$work/upload2.log" 2>&1 || fail "second upload failed"
[ "$(stored)" = 1 ] || fail "a second flush changed the collector"

echo "== a check that uploads at once, and what the collector stored"
"$wine_run" "$exe" check --from-getprop "$dump" --rules xiaoyibang --upload --json \
  --server "http://127.0.0.1:$port" >"$work/report.json" 2>"$work/check2.log" || true
[ "$(stored)" = 2 ] || fail "collector holds $(stored) reports, expected 2"
code=$(jq -r '.code' "$work/report.json")
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || fail "collector died"
jq -e '.host.platform | startswith("android")' "$work/report.json" >/dev/null || fail "not a phone's report"
echo "report $code stored"

echo "== the dump pasted on stdin: each check's copy of examready.exe reads it too"
"$wine_run" "$exe" check --from-getprop - --json <"$dump" >"$work/stdin.json" 2>"$work/stdin.log" || true
jq -e '[.checks[] | select(.name == "os" or .name == "device") | .status] == ["ok", "ok"]
       and (.checks[] | select(.name == "device") | .measurements["device.model"].value) == "PAAM00"' \
  "$work/stdin.json" >/dev/null || fail "stdin dump: $(jq -c '[.checks[] | {name, status, message}]' "$work/stdin.json")"
echo "ok"
