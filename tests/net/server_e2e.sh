#!/usr/bin/env bash
# The network check against the real collector (examready-server on SQLite, loopback):
# the probe endpoints and the UDP echo are wired into the server users run.
set -euo pipefail
: "${EXAMREADY_BIN:?}" "${EXAMREADY_SERVER_BIN:?}"
tmp=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$EXAMREADY_SERVER_BIN" --db "sqlite:$tmp/c.db" --listen 127.0.0.1:0 --port-file "$tmp/port" \
  --quiet 2>"$tmp/server.log" &
server_pid=$!
for _ in $(seq 200); do [ -s "$tmp/port" ] && break; sleep 0.05; done
[ -s "$tmp/port" ] || fail "server did not start: $(cat "$tmp/server.log")"
url="http://127.0.0.1:$(cat "$tmp/port")"

"$EXAMREADY_BIN" check --only network --server "$url" --json >"$tmp/r.json" || true
jq -e '.checks[0].status == "ok"' "$tmp/r.json" >/dev/null || fail "network check: $(jq -c '.checks[0] | {status, message}' "$tmp/r.json")"
m() { jq ".checks[0].measurements[\"$1\"].value" "$tmp/r.json"; }
# Loopback: sub-millisecond-ish RTT, no loss through the UDP echo, tens of Mbit/s at least.
awk -v v="$(m network.rtt_median_ms)" 'BEGIN { exit !(v > 0 && v < 50) }' || fail "rtt $(m network.rtt_median_ms)"
[ "$(m network.packet_loss_ratio)" != null ] || fail "no UDP echo loss figure (echo not wired?)"
awk -v v="$(m network.upload_bps)" 'BEGIN { exit !(v > 1e7) }' || fail "upload $(m network.upload_bps)"
awk -v v="$(m network.download_bps)" 'BEGIN { exit !(v > 1e7) }' || fail "download $(m network.download_bps)"
echo "network check against examready-server: ok (rtt $(m network.rtt_median_ms) ms, loss $(m network.packet_loss_ratio))"
