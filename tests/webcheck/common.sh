# Sourced by the web check's browser tests (browser_test.sh, network_test.sh), after they set
# $server_bin and define fail(). Sets up:
#   $work     a scratch folder, removed on exit with every process started through start_server
#   $token    the helpdesk token the servers accept
#   $spki     the base64 SHA-256 of the server key, which Chromium pins
#             (--ignore-certificate-errors-spki-list); the key pair is $work/server.{pem,key},
#             self-signed for localhost and 127.0.0.1
# and defines start_server NAME [ARGS...] (an examready-server on a free port, rules
# xiaoyibang, at nice -10 like the measuring programs; sets $port).
work=$(mktemp -d /tmp/exr-webcheck.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
export HOME=$work  # Chromium writes into $HOME

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$work/server.key" \
  -out "$work/server.pem" 2>"$work/openssl.log" || fail "openssl: $(cat "$work/openssl.log")"
spki=$(openssl x509 -in "$work/server.pem" -pubkey -noout | openssl pkey -pubin -outform der |
       openssl dgst -sha256 -binary | base64)
token=helpdesk-token-$RANDOM$RANDOM

start_server() {
  local name=$1; shift
  EXAMREADY_HELPDESK_TOKENS=$token nice -n -10 "$server_bin" --db "sqlite:$work/$name.db" \
    --listen 127.0.0.1:0 --port-file "$work/$name.port" --quiet --rules xiaoyibang "$@" \
    2>"$work/$name.log" &
  pids+=($!)
  for _ in $(seq 200); do [ -s "$work/$name.port" ] && break; sleep 0.05; done
  [ -s "$work/$name.port" ] || fail "$name did not start: $(cat "$work/$name.log")"
  port=$(cat "$work/$name.port")
}
