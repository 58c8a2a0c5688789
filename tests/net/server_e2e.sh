#!/usr/bin/env bash
# The network check against the real collector (examready-server on SQLite, loopback):
# the probe endpoints and the UDP echo are wired into the server users run. Then the upload
# rehearsal: 64 MB straight, and 48 MB through a relay that breaks the upload twice mid-chunk.
set -euo pipefail
: "${EXAMREADY_BIN:?}" "${EXAMREADY_SERVER_BIN:?}" "${EXAMREADY_CUTTING_RELAY:?}"
tmp=$(mktemp -d)
server_pid=""
relay_pid=""
cleanup() {
  [ -n "$relay_pid" ] && kill -TERM "$relay_pid" 2>/dev/null && wait "$relay_pid" 2>/dev/null
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

# With a 64 MB upload rehearsal straight to the collector after the measurement.
"$EXAMREADY_BIN" check --only network --server "$url" --rehearse-upload 64MB --json >"$tmp/r.json" || true
jq -e '.checks[0].status == "ok"' "$tmp/r.json" >/dev/null || fail "network check: $(jq -c '.checks[0] | {status, message}' "$tmp/r.json")"
m() { jq ".checks[0].measurements[\"$1\"].value" "${2:-$tmp/r.json}"; }
# Loopback: sub-millisecond-ish RTT, no loss through the UDP echo, tens of Mbit/s at least.
awk -v v="$(m network.rtt_median_ms)" 'BEGIN { exit !(v > 0 && v < 50) }' || fail "rtt $(m network.rtt_median_ms)"
[ "$(m network.packet_loss_ratio)" != null ] || fail "no UDP echo loss figure (echo not wired?)"
awk -v v="$(m network.upload_bps)" 'BEGIN { exit !(v > 1e7) }' || fail "upload $(m network.upload_bps)"
awk -v v="$(m network.download_bps)" 'BEGIN { exit !(v > 1e7) }' || fail "download $(m network.download_bps)"
# The report with these measurements is one the collector accepts: schema-valid as a whole.
status=0
"$EXAMREADY_BIN" evaluate "$tmp/r.json" --rules xiaoyibang >/dev/null 2>"$tmp/eval.err" || status=$?
[ "$status" -le 3 ] || fail "the network check's report is not a valid report (exit $status): $(cat "$tmp/eval.err")"
echo "network check against examready-server: ok (rtt $(m network.rtt_median_ms) ms, loss $(m network.packet_loss_ratio))"

[ "$(m network.rehearsal_bytes)" = 64000000 ] || fail "rehearsal bytes $(m network.rehearsal_bytes)"
[ "$(m network.rehearsal_resumes)" = 0 ] || fail "resumes on loopback: $(m network.rehearsal_resumes)"
awk -v v="$(m network.rehearsal_bps)" 'BEGIN { exit !(v > 1e7) }' || fail "rehearsal rate $(m network.rehearsal_bps)"
echo "rehearsal of 64 MB: ok ($(m network.rehearsal_duration_ms) ms, $(m network.rehearsal_bps) bit/s)"

# Upload rehearsal through a relay that resets the rehearsal's connection twice, mid-chunk.
"$EXAMREADY_CUTTING_RELAY" "$(cat "$tmp/port")" "$tmp/relay_port" 10000000,21000000 2>"$tmp/relay.log" &
relay_pid=$!
for _ in $(seq 200); do [ -s "$tmp/relay_port" ] && break; sleep 0.05; done
[ -s "$tmp/relay_port" ] || fail "relay did not start: $(cat "$tmp/relay.log")"
"$EXAMREADY_BIN" check --only network --server "http://127.0.0.1:$(cat "$tmp/relay_port")" \
  --rehearse-upload 48MB --json >"$tmp/rcut.json" || true
jq -e '.checks[0].status == "ok"' "$tmp/rcut.json" >/dev/null || fail "resumed rehearsal: $(jq -c '.checks[0] | {status, message}' "$tmp/rcut.json")"
[ "$(m network.rehearsal_bytes "$tmp/rcut.json")" = 48000000 ] || fail "resumed rehearsal bytes $(m network.rehearsal_bytes "$tmp/rcut.json")"
resumes=$(m network.rehearsal_resumes "$tmp/rcut.json")
[ "$resumes" -ge 2 ] || fail "resumes $resumes after two cuts"
echo "rehearsal of 48 MB cut twice: ok ($resumes resumes, exact total)"
