#!/usr/bin/env bash
# Offline queue, end to end with the real binaries on loopback:
#  1. the collector is down: reports stay queued; once it is up, `examready upload`
#     delivers each exactly once;
#  2. the probe is SIGKILLed mid-upload (after the server stored the report, before the
#     probe heard back): the next run delivers it again and the server keeps one row;
#  3. a queued report whose id the server holds with another body: 409, reported, removed.
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/exr-queue.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_STATE_HOME=$work/state HOME=$work
queue=$XDG_STATE_HOME/examready/queue
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
fail() { echo "FAIL: $*"; exit 1; }
queued() { find "$queue" -maxdepth 1 -name '*.json' 2>/dev/null | wc -l; }
stored() { curl -sf "http://127.0.0.1:$port/healthz" | python3 -c 'import json,sys;print(json.load(sys.stdin)["stored_reports"])'; }
start_server() {
  rm -f "$work/port"
  "$bin/examready-server" --db "sqlite:$work/collector.db" --listen "127.0.0.1:$port" --quiet \
    --port-file "$work/port" 2>>"$work/server.log" &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 100); do [[ -s $work/port ]] && return; sleep 0.05; done
  fail "server did not start"
}

port=$(free_port)
echo "== 1. collector down, then up"
set +e
"$bin/examready" check --only os,device --upload --server "http://127.0.0.1:$port" --upload-attempts 2 >"$work/out1" 2>&1
"$bin/examready" check --only os --offline >"$work/out2" 2>&1
set -e
grep -q "stays queued" "$work/out1" || { cat "$work/out1"; fail "no 'stays queued' message"; }
grep -q "Report code" "$work/out1" || fail "the code was not printed"
[[ $(queued) == 2 ]] || fail "expected 2 queued reports, found $(queued)"
start_server
"$bin/examready" upload --server "http://127.0.0.1:$port" >"$work/out3" || { cat "$work/out3"; fail "upload failed"; }
cat "$work/out3"
[[ $(queued) == 0 ]] || fail "queue not empty after upload"
[[ $(stored) == 2 ]] || fail "server holds $(stored) reports, expected 2"
"$bin/examready" upload --server "http://127.0.0.1:$port" >/dev/null
[[ $(stored) == 2 ]] || fail "a second flush changed the server"

echo "== 2. probe SIGKILLed mid-upload"
proxy_port=$(free_port)
python3 "$here/slow_proxy.py" "$proxy_port" "http://127.0.0.1:$port" "$work/forwarded" 30 &
pids+=($!)
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$proxy_port/" && break; sleep 0.05; done
"$bin/examready" check --only os --upload --server "http://127.0.0.1:$proxy_port" >"$work/out4" 2>&1 &
probe=$!
for _ in $(seq 200); do [[ -s $work/forwarded ]] && break; sleep 0.05; done
[[ $(cat "$work/forwarded") == 201 ]] || fail "the proxy did not see the server store the report"
kill -9 "$probe"
wait "$probe" 2>/dev/null || true
[[ $(queued) == 1 ]] || fail "the interrupted report is not queued"
[[ $(stored) == 3 ]] || fail "server should hold 3 reports"
"$bin/examready" upload --server "http://127.0.0.1:$port" >"$work/out5"
cat "$work/out5"
grep -q "already had it" "$work/out5" || fail "the replay was not recognised"
[[ $(queued) == 0 ]] || fail "queue not empty after the replay"
[[ $(stored) == 3 ]] || fail "the replay stored a second row"

echo "== 3. conflicting body for a stored id"
"$bin/examready" check --only os --offline >/dev/null 2>&1 || true
id=$(basename "$(find "$queue" -maxdepth 1 -name '*.json' | head -1)" .json)
"$bin/examready" upload --server "http://127.0.0.1:$port" >/dev/null
[[ $(stored) == 4 ]] || fail "server should hold 4 reports"
"$bin/examready" check --only os --offline --out "$work/new.json" >/dev/null 2>&1 || true
new=$(find "$queue" -maxdepth 1 -name '*.json' | head -1)
python3 - "$new" "$id" <<'PY'
import json, sys, hashlib
path, old_id = sys.argv[1], sys.argv[2]
doc = json.load(open(path))
doc["report_id"] = old_id
alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
v = int.from_bytes(hashlib.sha256(old_id.encode()).digest()[:5], "big")
code = "".join(alphabet[(v >> (5 * (7 - i))) & 31] for i in range(8))
doc["code"] = code[:4] + "-" + code[4:]
doc["checks"][0]["duration_ms"] = 12345.0
import os
os.remove(path)
json.dump(doc, open(os.path.join(os.path.dirname(path), old_id + ".json"), "w"))
PY
"$bin/examready" upload --server "http://127.0.0.1:$port" >"$work/out6"
cat "$work/out6"
grep -q "409" "$work/out6" || fail "the conflict was not reported"
[[ $(queued) == 0 ]] || fail "the conflicting report is still queued"
[[ $(stored) == 4 ]] || fail "the conflict changed the server"

kill -TERM "$server_pid"
wait "$server_pid" || fail "server exit status $? after SIGTERM"
grep -q "stopped" "$work/server.log" || fail "no clean shutdown"
echo "PASS"
