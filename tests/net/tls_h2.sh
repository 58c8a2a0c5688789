#!/usr/bin/env bash
# The client's TLS and HTTP/2 paths against real servers on loopback:
#   1. examready-server serving HTTPS itself (--tls-cert/--tls-key: HTTP/1.1 over TLS);
#   2. nghttpx terminating TLS and HTTP/2 in front of a cleartext examready-server, the
#      deployment docs/COLLECTOR.md describes for HTTP/2 at the edge.
# Both with the network check and a report upload, each verified against a throwaway CA made
# here; and the same servers refused when that CA is not trusted (verification stays on).
# Exit 0 pass, 1 fail, 77 skipped (with the reason).
set -euo pipefail
: "${EXAMREADY_BIN:?}" "${EXAMREADY_SERVER_BIN:?}"
skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v openssl >/dev/null || skip "openssl is not installed"
command -v jq >/dev/null || skip "jq is not installed"

tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

# A CA and a server certificate for localhost and 127.0.0.1, valid for two days.
ssl() { openssl "$@" 2>>"$tmp/openssl.log" || fail "openssl $1: $(tail -3 "$tmp/openssl.log")"; }
ssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
  -subj "/CN=ExamReady test CA" -keyout "$tmp/ca.key" -out "$tmp/ca.pem"
ssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
  -keyout "$tmp/server.key" -out "$tmp/server.csr"
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$tmp/ext"
ssl x509 -req -in "$tmp/server.csr" -CA "$tmp/ca.pem" -CAkey "$tmp/ca.key" -CAcreateserial \
  -days 2 -extfile "$tmp/ext" -out "$tmp/server.pem"

# start_server NAME [ARGS...]: examready-server on a free port; sets $port.
start_server() {
  local name=$1; shift
  "$EXAMREADY_SERVER_BIN" --db "sqlite:$tmp/$name.db" --listen 127.0.0.1:0 \
    --port-file "$tmp/$name.port" --quiet --rules none "$@" 2>"$tmp/$name.log" &
  pids+=($!)
  for _ in $(seq 200); do [ -s "$tmp/$name.port" ] && break; sleep 0.05; done
  [ -s "$tmp/$name.port" ] || fail "$name did not start: $(cat "$tmp/$name.log")"
  port=$(cat "$tmp/$name.port")
}

m() { jq -r ".checks[0].measurements[\"$1\"].value" "$2"; }

# network_check URL OUT [ARGS...]: the check, which must end ok with TLS timings.
network_check() {
  local url=$1 out=$2; shift 2
  "$EXAMREADY_BIN" check --only network --server "$url" --json "$@" >"$out" || true
  jq -e '.checks[0].status == "ok"' "$out" >/dev/null ||
    fail "network check over $url: $(jq -c '.checks[0] | {status, message}' "$out")"
  awk -v v="$(m network.tls_ms "$out")" 'BEGIN { exit !(v > 0 && v < 1000) }' ||
    fail "TLS handshake time $(m network.tls_ms "$out") over $url"
  for metric in download_bps upload_bps; do
    awk -v v="$(m network.$metric "$out")" 'BEGIN { exit !(v > 1e7) }' ||
      fail "$metric $(m network.$metric "$out") over $url"
  done
}

# refused URL: without the test CA the check fails on the certificate, and says so.
refused() {
  "$EXAMREADY_BIN" check --only network --server "$1" --json >"$tmp/refused.json" || true
  jq -e '.checks[0].status == "error"' "$tmp/refused.json" >/dev/null ||
    fail "an untrusted certificate was accepted at $1: $(jq -c '.checks[0]' "$tmp/refused.json")"
  jq -r '.checks[0].message' "$tmp/refused.json" | grep -qi certificate ||
    fail "the refusal does not name the certificate: $(jq -r '.checks[0].message' "$tmp/refused.json")"
}

# upload URL NAME: a report queued and sent exactly once over TLS.
upload() {
  "$EXAMREADY_BIN" check --only os --server "$1" --ca-file "$tmp/ca.pem" --upload \
    --queue-dir "$tmp/queue-$2" >"$tmp/upload-$2.out" 2>&1 || true
  grep -q "^uploaded " "$tmp/upload-$2.out" || fail "upload over $1: $(cat "$tmp/upload-$2.out")"
}

# 1. examready-server with TLS of its own: HTTP/1.1 over TLS.
start_server tls --tls-cert "$tmp/server.pem" --tls-key "$tmp/server.key"
url=https://localhost:$port
network_check "$url" "$tmp/tls.json" --ca-file "$tmp/ca.pem"
[ "$(m network.http_version "$tmp/tls.json")" = 1.1 ] || fail "HTTP version $(m network.http_version "$tmp/tls.json") from httplib"
echo "ok   network check over TLS to examready-server (HTTP/1.1, TLS $(m network.tls_ms "$tmp/tls.json") ms)"
refused "$url"
echo "ok   untrusted certificate refused: $(jq -r '.checks[0].message' "$tmp/refused.json")"
upload "$url" tls
echo "ok   report uploaded over TLS: $(grep '^uploaded ' "$tmp/upload-tls.out")"
# Bodies larger than one TLS record (16 KiB) arrive whole: the rules bundle (40 KB; 12 KB
# gzip-compressed), the WebAssembly module (1.7 MB, streamed), as is or compressed.
for target in /v1/rules/xiaoyibang:identity /static/examready_web.wasm:identity \
              /static/examready_web.wasm:gzip /static/examready_web.wasm:br; do
  path=${target%%:*} coding=${target##*:}
  got=$(curl -s --cacert "$tmp/ca.pem" -H "Accept-Encoding: $coding" -o "$tmp/body" \
    -w '%{http_code} %{size_download}' "$url$path") || fail "GET $path over TLS: curl $?"
  read -r code size <<<"$got"
  length=$(curl -s --cacert "$tmp/ca.pem" -H "Accept-Encoding: $coding" -o /dev/null -D - "$url$path" |
           tr -d '\r' | awk -F': ' 'tolower($1) == "content-length" { print $2 }')
  [ "$code" = 200 ] && [ "$size" -gt 16384 ] && [ "$size" = "$length" ] ||
    fail "GET $path ($coding) over TLS: HTTP $code, $size of $length bytes"
done
echo "ok   bodies over 16 KiB arrive whole over TLS (rules bundle, WebAssembly module as is, gzip, br)"

# A key that does not belong to the certificate: a clear error, no half-started server.
ssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=other" \
  -keyout "$tmp/other.key" -out "$tmp/other.csr"
status=0
"$EXAMREADY_SERVER_BIN" --db "sqlite:$tmp/bad.db" --listen 127.0.0.1:0 --rules none \
  --tls-cert "$tmp/server.pem" --tls-key "$tmp/other.key" 2>"$tmp/bad.log" || status=$?
[ "$status" = 66 ] && grep -q "cannot load the TLS certificate" "$tmp/bad.log" ||
  fail "mismatched key: exit $status, $(cat "$tmp/bad.log")"
echo "ok   mismatched TLS key: exit 66, $(tail -1 "$tmp/bad.log")"

# 2. HTTP/2 at the edge: nghttpx (TLS, h2 by ALPN) in front of a cleartext collector.
command -v nghttpx >/dev/null || skip "nghttpx (nghttp2-proxy) is not installed: HTTP/2 untested"
start_server plain
backend=$port
edge=""
for candidate in $(shuf -i 20000-60000 -n 20); do
  ss -Hltn "sport = :$candidate" | grep -q . || { edge=$candidate; break; }
done
[ -n "$edge" ] || fail "no free port for nghttpx"
nghttpx --conf=/dev/null --workers=1 --frontend="127.0.0.1,$edge" --backend="127.0.0.1,$backend" \
  --errorlog-file="$tmp/nghttpx.log" --accesslog-file=/dev/null "$tmp/server.key" "$tmp/server.pem" \
  2>>"$tmp/nghttpx.log" &
pids+=($!)
for _ in $(seq 200); do ss -Hltn "sport = :$edge" | grep -q . && break; sleep 0.05; done
ss -Hltn "sport = :$edge" | grep -q . || fail "nghttpx did not start: $(cat "$tmp/nghttpx.log")"
url=https://localhost:$edge
network_check "$url" "$tmp/h2.json" --ca-file "$tmp/ca.pem"
[ "$(m network.http_version "$tmp/h2.json")" = 2 ] || fail "HTTP version $(m network.http_version "$tmp/h2.json") through nghttpx"
echo "ok   network check over HTTP/2 through nghttpx (TLS $(m network.tls_ms "$tmp/h2.json") ms, down $(m network.download_bps "$tmp/h2.json"), up $(m network.upload_bps "$tmp/h2.json") bit/s)"
refused "$url"
echo "ok   untrusted certificate refused over HTTP/2"
upload "$url" h2
echo "ok   report uploaded over HTTP/2: $(grep '^uploaded ' "$tmp/upload-h2.out")"
