#!/usr/bin/env bash
# The web check (/check) in headless Chromium acting as a phone, against a real
# examready-server over HTTPS (a throwaway CA; Chromium pins the server key) and, for the
# refusal, over plain HTTP. Scenarios are check_selenium.py's; screenshots of the page at
# phone size (360x800, zh-CN) go to OUT_DIR.
# Usage: browser_test.sh SERVER_BIN OUT_DIR SCENARIO...
# Exit 0 pass, 1 fail, 77 skipped (with the reason).
set -euo pipefail
server_bin=$1 out=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v chromedriver >/dev/null || skip "chromium-driver is not installed"
/usr/bin/python3 -c 'import selenium' 2>/dev/null || skip "python3-selenium is not installed"
command -v openssl >/dev/null && command -v ffmpeg >/dev/null || skip "openssl and ffmpeg are needed"

source "$here/common.sh"  # $work, $token, the pinned key ($spki), start_server
mkdir -p "$out"
rm -f "$out/recorded-session.json"  # the replay test must not pass on an earlier run's

# The fake devices: a black 640x360 clip, a 1 kHz sine at amplitude 0.5 (RMS -9.03 dBFS).
ffmpeg -loglevel error -y -f lavfi -i color=black:s=640x360:r=30 -t 1 -pix_fmt yuv420p "$work/black.y4m"
ffmpeg -loglevel error -y -f lavfi -i "aevalsrc=0.5*sin(2*PI*1000*t):s=48000" -t 3 -c:a pcm_s16le \
  "$work/sine.wav"

start_server https --tls-cert "$work/server.pem" --tls-key "$work/server.key"
https_base=https://localhost:$port
start_server plain
plain_base=http://127.0.0.1:$port
# A collector with its own device database (--devices): a model the built-in one lacks.
printf 'brand\tseries\tmarketing_name\tclass\tlaunch_year\tprice_tier\tmodel_codes\tcodenames\tsource\n%s\n' \
  $'acme\tacme-z\tAcme Z (served)\tphone\t2026-03\tflagship\tZX-9000Q\tzeta\thttps://example.org/list' \
  >"$work/served-devices.tsv"
start_server served-devices --tls-cert "$work/server.pem" --tls-key "$work/server.key" \
  --devices "$work/served-devices.tsv"
export EXR_SERVED_DEVICES_BASE=https://localhost:$port

for scenario in "$@"; do
  echo "== $scenario"
  /usr/bin/python3 "$here/check_selenium.py" "$scenario" "$https_base" "$plain_base" "$token" "$spki" \
    "$work" "$out" "$work" || fail "scenario $scenario (server log: $(tail -5 "$work/https.log"))"
done
