#!/usr/bin/env bash
# Durability: kill -9 the collector (SQLite) in the middle of 20,000 uploads; after a
# restart every report that was answered 201 must be stored, and the database must pass
# PRAGMA integrity_check.
set -euo pipefail
apps=$1 loadgen=$2
work=$(mktemp -d /tmp/exr-durable.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
start_server() {
  rm -f "$work/port"
  # One load generator from one address: the per-client upload limits would stop it.
  "$apps/examready-server" --db "sqlite:$work/collector.db" --listen "127.0.0.1:${1:-0}" --quiet \
    --client-report-burst 0 --client-stored-mb-per-hour 0 \
    --port-file "$work/port" 2>>"$work/server.log" &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 200); do [[ -s $work/port ]] && return; sleep 0.05; done
  fail "server did not start"
}

start_server
port=$(cat "$work/port")
"$loadgen" --port "$port" --count 20000 --connections 8 --max-seconds 120 --ids-out "$work/ids" \
  >"$work/load.log" 2>&1 &
load=$!
pids+=("$load")
# Kill once a few thousand reports are in, while uploads are in flight.
for _ in $(seq 600); do
  [[ -f $work/ids && $(wc -l <"$work/ids") -ge 3000 ]] && break
  sleep 0.05
done
kill -9 "$server_pid"
wait "$server_pid" 2>/dev/null || true
wait "$load" || true
cat "$work/load.log"
acknowledged=$(sort -u "$work/ids" | wc -l)
[[ $acknowledged -ge 3000 ]] || fail "only $acknowledged uploads were acknowledged before the kill"
[[ $acknowledged -lt 20000 ]] || fail "the kill came after the load finished"

integrity=$(sqlite3 "$work/collector.db" "PRAGMA integrity_check")
[[ $integrity == ok ]] || fail "integrity_check: $integrity"
start_server "$port"
sqlite3 "$work/collector.db" "SELECT report_id FROM reports" | sort -u >"$work/stored"
missing=$(comm -23 <(sort -u "$work/ids") "$work/stored" | wc -l)
stored=$(wc -l <"$work/stored")
echo "acknowledged=$acknowledged stored=$stored missing=$missing integrity=$integrity"
[[ $missing == 0 ]] || fail "$missing acknowledged reports are missing after the restart"
# The aggregate row agrees with the table (same transaction as each insert).
all=$(sqlite3 "$work/collector.db" "SELECT SUM(reports) FROM stats_counters WHERE dim='all'")
[[ $all == "$stored" ]] || fail "stats_counters say $all, table holds $stored"
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || fail "restarted server unhealthy"
kill -TERM "$server_pid"
wait "$server_pid" || fail "unclean shutdown"
[[ $(sqlite3 "$work/collector.db" "PRAGMA integrity_check") == ok ]] || fail "integrity after restart"
echo PASS
