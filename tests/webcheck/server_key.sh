# Sourced by the web check's browser tests: make_server_key DIR writes a self-signed key pair
# for localhost and 127.0.0.1 (DIR/server.pem, DIR/server.key) and sets $spki, the base64
# SHA-256 of its public key, which Chromium pins (--ignore-certificate-errors-spki-list).
make_server_key() {
  local dir=$1
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$dir/server.key" \
    -out "$dir/server.pem" 2>"$dir/openssl.log" || { echo "FAIL: openssl: $(cat "$dir/openssl.log")" >&2; exit 1; }
  spki=$(openssl x509 -in "$dir/server.pem" -pubkey -noout | openssl pkey -pubin -outform der |
         openssl dgst -sha256 -binary | base64)
}
