#!/usr/bin/env bash
# Offline queue, end to end with the real binaries on loopback:
#  1. the collector is down: reports stay queued; once it is up, `examready upload`
#     delivers each exactly once;
#  2. the probe is SIGKILLed mid-upload (after the server stored the report, before the
#     probe heard back): the next run delivers it again and the server keeps one row;
#  3. a queued report whose id the server holds with another body: 409, reported, removed;
#  4. answers that are not the collector's (a captive portal's 302 or 200 page, a proxy's 404,
#     a gateway's own JSON error) leave every report queued, and stop the flush; a server's
#     error text with escape sequences never reaches the terminal;
#  5. a queue entry that cannot be read is skipped, the others are delivered;
#  6. a report the server already holds is answered as a replay even with its storage full;
#  7. pairing from the command line: the primary prints the proof, a secondary without it is
#     refused before measuring, with it (or with the link) it is stored;
#  8. a pasted dump whose model is 3000 characters long still makes a report the collector
#     takes (a check's message quoting it is cut to the schema's 2000).
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
    --port-file "$work/port" "$@" 2>>"$work/server.log" &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 100); do [[ -s $work/port ]] && return; sleep 0.05; done
  fail "server did not start"
}

port=$(free_port)
echo "== 1. collector down, then up"
set +e
"$bin/examready" check --only os,device --upload --server "http://127.0.0.1:$port" --upload-attempts 2 >"$work/out1" 2>&1
rc=$?
"$bin/examready" check --only os --offline >"$work/out2" 2>&1
set -e
[[ $rc == 75 ]] || fail "check --upload with the collector down exited $rc, expected 75 (still queued)"
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

echo "== 4. answers that are not the collector's"
"$bin/examready" check --only os --offline >/dev/null 2>&1 || true
"$bin/examready" check --only os --offline >/dev/null 2>&1 || true
[[ $(queued) == 2 ]] || fail "expected 2 queued reports, found $(queued)"
printf '<html><body>Log in to the Wi-Fi</body></html>' >"$work/portal.html"
printf '{"error":{"code":503,"message":"maintenance"}}' >"$work/gateway.json"
printf '{"code":12,"verdict":["x"]}' >"$work/odd.json"
# a hostile server's error text: a clipboard write (OSC 52), a screen clear, a title change
printf '{"error":"\\u001b]52;c;aGk=\\u0007\\u001b[2J\\u001b]0;owned\\u0007 busy"}' >"$work/escape.json"
fake_port=$(free_port)
for answer in "302 portal.html Location: http://portal.example/login" "200 portal.html" \
  "404 portal.html" "503 gateway.json" "201 odd.json" "400 portal.html" "503 escape.json"; do
  read -r status file header <<<"$answer"
  rm -f "$work/$fake_port.count"
  (cd "$work" && exec python3 "$here/fake_collector.py" "$fake_port" "$status" "$file" "$header") &
  fake=$!
  pids+=("$fake")
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$fake_port/" && break; sleep 0.05; done
  set +e
  "$bin/examready" upload --server "http://127.0.0.1:$fake_port" --upload-attempts 2 >"$work/out7" 2>&1
  rc=$?
  set -e
  cat "$work/out7"
  [[ $rc == 75 ]] || fail "HTTP $status $file: exit $rc, expected 75 (still queued)"
  if grep -q $'\x1b' "$work/out7"; then
    fail "HTTP $status $file: an escape sequence reached the terminal"
  fi
  [[ $(queued) == 2 ]] || fail "HTTP $status $file took a report out of the queue"
  [[ ! -d $queue/rejected ]] || fail "HTTP $status $file: a report was rejected"
  # the GET that saw it up, then the first report's attempts (a 503 is tried again), and
  # never the second report
  expected=$((status == 503 ? 3 : 2))
  [[ $(cat "$work/$fake_port.count") == "$expected" ]] ||
    fail "HTTP $status $file: $(cat "$work/$fake_port.count") requests, expected $expected"
  kill "$fake"
  wait "$fake" 2>/dev/null || true
done

echo "== 5. a queue entry that cannot be read"
big=$queue/AAAAAAAAAAAAAAAAAAAAAA.json
head -c $((17 << 20)) /dev/zero >"$big"
touch -d '2020-01-01' "$big"  # the oldest: first in line
set +e
"$bin/examready" upload --server "http://127.0.0.1:$port" >"$work/out8" 2>&1
rc=$?
set -e
cat "$work/out8"
[[ $rc == 75 ]] || fail "exit $rc with an unreadable entry left, expected 75"
grep -q "skipped a queue entry" "$work/out8" || fail "the unreadable entry was not reported"
[[ $(queued) == 1 && -f $big ]] || fail "the readable reports were not delivered"
[[ $(stored) == 6 ]] || fail "server should hold 6 reports"
rm "$big"

echo "== 6. a replay with the storage budget full"
kill -TERM "$server_pid"
wait "$server_pid" || true
start_server --max-stored-reports 7
"$bin/examready" check --only os --offline >/dev/null 2>&1 || true
entry=$(find "$queue" -maxdepth 1 -name '*.json' | head -1)
cp "$entry" "$work/replay.json"
"$bin/examready" upload --server "http://127.0.0.1:$port" >/dev/null
[[ $(stored) == 7 ]] || fail "server should hold 7 reports"
cp "$work/replay.json" "$entry"
"$bin/examready" upload --server "http://127.0.0.1:$port" >"$work/out9" ||
  { cat "$work/out9"; fail "the replay was refused"; }
grep -q "already had it" "$work/out9" || fail "the replay was not answered as one"
kill -TERM "$server_pid"
wait "$server_pid" || true
start_server

echo "== 7. pairing from the command line"
set +e
"$bin/examready" check --only os --upload --server "http://127.0.0.1:$port" >"$work/primary" 2>&1
set -e
cat "$work/primary"
line=$(grep -o -- '--pair [0-9A-Z-]* --pair-proof [0-9A-Z]*' "$work/primary") ||
  fail "the primary did not print its pairing proof"
read -r _ code _ proof <<<"$line"
set +e
"$bin/examready" check --only os --role secondary --pair "$code" --upload \
  --server "http://127.0.0.1:$port" >"$work/sec0" 2>&1
rc=$?
set -e
[[ $rc == 64 ]] || fail "a secondary without the proof: exit $rc, expected 64"
grep -q "pairing proof" "$work/sec0" || fail "no word on the missing proof"
for pair in "--pair $code --pair-proof $proof" \
  "--pair http://127.0.0.1:$port/check?role=secondary&pair=$code&proof=$proof"; do
  set +e
  # shellcheck disable=SC2086
  "$bin/examready" check --only os --role secondary $pair --upload \
    --server "http://127.0.0.1:$port" >"$work/sec1" 2>&1
  rc=$?
  set -e
  cat "$work/sec1"
  [[ $rc != 64 && $rc != 65 && $rc != 75 ]] || fail "the paired secondary ($pair): exit $rc"
  grep -q "^uploaded" "$work/sec1" || fail "the paired secondary was not stored"
done
set +e
"$bin/examready" check --only os --role secondary --pair "$code" --pair-proof 0000000000000000 \
  --upload --server "http://127.0.0.1:$port" >"$work/sec2" 2>&1
rc=$?
set -e
[[ $rc == 65 ]] || { cat "$work/sec2"; fail "a wrong proof: exit $rc, expected 65 (refused)"; }

echo "== 8. a dump with a 3000-character model makes a report the collector takes"
long_model=$(head -c 3000 /dev/zero | tr '\0' A)
sed "s/^\[ro.product.model\]: \[.*\]/[ro.product.model]: [$long_model]/" \
  "$here/../fixtures/android/redmi_note9_miui12/getprop.txt" >"$work/long.txt"
grep -q "$long_model" "$work/long.txt" || fail "the long model is not in the dump"
set +e
"$bin/examready" check --from-getprop "$work/long.txt" --rules xiaoyibang --upload \
  --server "http://127.0.0.1:$port" >"$work/long.out" 2>&1
rc=$?
set -e
cat "$work/long.out" | cut -c1-300
[[ $rc != 65 && $rc != 75 ]] || fail "the report with a long model was not stored (exit $rc)"
grep -q "^uploaded" "$work/long.out" || fail "the report with a long model was not uploaded"

kill -TERM "$server_pid"
wait "$server_pid" || fail "server exit status $? after SIGTERM"
grep -q "stopped" "$work/server.log" || fail "no clean shutdown"
echo "PASS"
