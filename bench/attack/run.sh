#!/usr/bin/env bash
# bench/attack: the collector under attack on loopback (SQLite, default limits). Legitimate
# uploads at 500/s from 250 client addresses while 200 slowloris connections, 4 senders of
# oversized bodies and a session flood run (examready-attack). Prints the legitimate p99
# latency and error rate and the server's peak RSS against the goals: p99 < 100 ms, 0 errors,
# RSS < 300 MB. Bounded: SECONDS (default 30) plus start-up.
# Usage: bench/attack/run.sh [BUILD_DIR (default build/release)] [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/release}
seconds=${2:-30}
work=$(mktemp -d /tmp/exr-attack.XXXXXX)
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
echo "machine: $(nproc) cores, $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/apps/examready-server" --db "sqlite:$work/c.db" --listen 127.0.0.1:0 --port-file "$work/port" \
  --quiet 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 200); do [[ -s $work/port ]] && break; sleep 0.05; done
[[ -s $work/port ]] || { cat "$work/server.log"; exit 1; }
port=$(cat "$work/port")
udp=$(curl -s -D - -o /dev/null "http://127.0.0.1:$port/v1/probe/ping" | tr -d '\r' |
  awk -F': ' 'tolower($1) == "x-examready-udp-echo" { print $2 }')
status=0
"$build/bench/attack/examready-attack" --port "$port" --udp-port "${udp:-0}" --server-pid "$server_pid" \
  --seconds "$seconds" || status=$?
start=$(date +%s.%N)
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=""
echo "SIGTERM to exit: $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }') s"
echo "stored: $(sqlite3 "$work/c.db" 'SELECT COUNT(*) FROM reports') reports"
exit $status
