#!/usr/bin/env bash
# Updating the device database without a new release (rules/devices/README.md): a real
# collector serves its --devices file at /v1/devices, `examready devices update` fetches it
# (conditional GET, verified against the announced version), and later checks judge with it.
# Also: a broken server file stops the server, a broken or tampered download is refused and
# the copy at hand kept, a list older than the built-in one or with a launch after next year is
# not saved, a newer collector's correction replaces the copy at hand, a broken or stale cached
# copy falls back to the built-in database and the next update replaces it.
set -euo pipefail
exr=$1 server=$2 fixture=$3
work=$(mktemp -d /tmp/exr-devices.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
export XDG_STATE_HOME=$work/state EXAMREADY_SERVER=
header=$'brand\tseries\tmarketing_name\tclass\tlaunch_year\tprice_tier\tmodel_codes\tcodenames\tsource'
# A newer list than the built-in one: it knows a phone announced for next year, after every
# built-in row.
next_year=$(( $(date -u +%Y) + 1 ))
printf '%s\nredmi\tredmi-9\tRedmi 9 (newer list)\tphone\t2020-06\tbudget\tM2004J19C\tgalahad\thttps://example.org/list\nacme\tacme-next\tACME Next\tphone\t%s-01\tmid\tACME-NEXT\tnext\thttps://example.org/list\n' \
  "$header" "$next_year" >"$work/newer.tsv"
# A list with a typo: a launch in 2099 would make it look newer than every later correction.
sed 's/\t[0-9]*-01\tmid/\t2099-01\tmid/' "$work/newer.tsv" >"$work/typo.tsv"
# A correction of the newer list: a row taken out, so its newest launch is earlier, but still
# newer than the built-in list.
printf '%s\nredmi\tredmi-9\tRedmi 9 (corrected list)\tphone\t2020-06\tbudget\tM2004J19C\tgalahad\thttps://example.org/list\nacme\tacme-next\tACME Next\tphone\t%s\tmid\tACME-NEXT\tnext\thttps://example.org/list\n' \
  "$header" "$next_year" >"$work/corrected.tsv"
# An older list: a collector not yet updated.
printf '%s\nredmi\tredmi-9\tRedmi 9 (older list)\tphone\t2020-06\tbudget\tM2004J19C\tgalahad\thttps://example.org/list\n' \
  "$header" >"$work/older.tsv"
printf '%s\nredmi\tredmi-9\tRedmi 9\twatch\t2020\tbudget\tM1\tx\tsrc\n' "$header" >"$work/broken.tsv"

start_server() {  # $1: port file, then extra arguments
  local port_file=$1; shift
  "$server" --db "sqlite:$work/c.db" --listen 127.0.0.1:0 --port-file "$port_file" --quiet "$@" \
    2>>"$work/server.log" &
  pids+=($!)
  for _ in $(seq 200); do [[ -s $port_file ]] && break; sleep 0.05; done
  [[ -s $port_file ]] || { cat "$work/server.log"; fail "server did not start"; }
}
device_field() {  # $1: report JSON, $2: metric
  python3 -c 'import json,sys
r=json.load(open(sys.argv[1]))
print(next(c["measurements"][sys.argv[2]]["value"] for c in r["checks"] if sys.argv[2] in c["measurements"]))' "$1" "$2"
}

# A broken file never reaches probes: the server refuses to start and names the line.
if "$server" --db "sqlite:$work/b.db" --listen 127.0.0.1:0 --devices "$work/broken.tsv" 2>"$work/broken.err"; then
  fail "the server started with a broken --devices file"
fi
grep -q "broken.tsv: devices.tsv line 2: class 'watch'" "$work/broken.err" || { cat "$work/broken.err"; fail "no line named"; }
# Nor does a missing file, or one over 32 MiB: the read is bounded, so an endless FIFO given
# by mistake cannot fill the memory.
if "$server" --db "sqlite:$work/b.db" --listen 127.0.0.1:0 --devices "$work/missing.tsv" 2>/dev/null; then
  fail "the server started with a missing --devices file"
fi
mkfifo "$work/endless.tsv"
(head -c $((40 << 20)) /dev/zero >"$work/endless.tsv" 2>/dev/null || true) &
pids+=($!)
if timeout 20 "$server" --db "sqlite:$work/b.db" --listen 127.0.0.1:0 --devices "$work/endless.tsv" \
  2>"$work/endless.err"; then
  fail "the server started with a 40 MiB --devices FIFO"
fi
grep -q "cannot read $work/endless.tsv: .*larger than" "$work/endless.err" ||
  { cat "$work/endless.err"; fail "no reason for the endless FIFO"; }

start_server "$work/port" --devices "$work/newer.tsv"
base=http://127.0.0.1:$(cat "$work/port")

# The routes: version JSON, the text (gzip when asked), 304 for the copy at hand.
curl -sf "$base/v1/devices/version" >"$work/version.json"
version=$(python3 -c 'import json,sys;print(json.load(open(sys.argv[1]))["version"])' "$work/version.json")
[[ $version == "2 rows, "* ]] || fail "version: $version"
hash=${version##* }
curl -sf "$base/v1/devices" -o "$work/plain.tsv" -D "$work/plain.headers"
cmp -s "$work/plain.tsv" "$work/newer.tsv" || fail "/v1/devices is not the --devices file"
grep -qi "^etag: \"$hash\"" "$work/plain.headers" || fail "no ETag $hash"
grep -qi "^x-examready-devices-version: $version" "$work/plain.headers" || fail "no version header"
curl -sf --compressed "$base/v1/devices" -o "$work/gz.tsv" -D "$work/gz.headers"
grep -qi '^content-encoding: gzip' "$work/gz.headers" || fail "not gzip-encoded"
cmp -s "$work/gz.tsv" "$work/newer.tsv" || fail "the gzip body differs"
# Other bytes, so not the same strong ETag: a weak one on the same hash.
grep -qi "^etag: W/\"$hash\"" "$work/gz.headers" || fail "gzip body's ETag is not W/$hash"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: \"$hash\"" "$base/v1/devices")
[[ $status == 304 ]] || fail "If-None-Match answered $status"
status=$(curl -s --compressed -o /dev/null -w '%{http_code}' -H "If-None-Match: W/\"$hash\"" "$base/v1/devices")
[[ $status == 304 ]] || fail "If-None-Match W/ with gzip answered $status"

# Before: the built-in database judges.
"$exr" devices status | grep -q "(built in)" || fail "status before update"
"$exr" check --from-getprop "$fixture" --only device --json >"$work/before.json" || true
[[ $(device_field "$work/before.json" device.marketing_name) == "Redmi 9" ]] || fail "built-in name"

# Update, then the check judges with the fetched copy and its report says which.
"$exr" devices update --server "$base" | tee "$work/update.out"
grep -q "device database updated: $version" "$work/update.out" || fail "update output"
cmp -s "$XDG_STATE_HOME/examready/devices.tsv" "$work/newer.tsv" || fail "saved copy differs"
"$exr" check --from-getprop "$fixture" --only device --json >"$work/after.json" || true
[[ $(device_field "$work/after.json" device.marketing_name) == "Redmi 9 (newer list)" ]] || fail "fetched name"
[[ $(device_field "$work/after.json" device.db_version) == "$version" ]] || fail "db_version"
"$exr" devices update --server "$base" | grep -q "up to date: $version" || fail "second update not 304"
"$exr" check --from-getprop "$fixture" --only device --devices builtin --json >"$work/builtin.json" || true
[[ $(device_field "$work/builtin.json" device.marketing_name) == "Redmi 9" ]] || fail "--devices builtin"

# A dead collector: exit 75, the copy at hand kept.
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
rc=0; "$exr" devices update --server "$base" 2>"$work/dead.err" || rc=$?
[[ $rc == 75 ]] || fail "dead collector: exit $rc"
cmp -s "$XDG_STATE_HOME/examready/devices.tsv" "$work/newer.tsv" || fail "copy lost after a failed update"

# A transfer that does not hash to the announced version is refused.
python3 - "$work/tamper.port" "$work/newer.tsv" <<'PY' &
import http.server, sys
body = open(sys.argv[2], "rb").read().replace(b"newer list", b"other list")
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("X-ExamReady-Devices-Version", "1 rows, 0123456789abcdef")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
s = http.server.HTTPServer(("127.0.0.1", 0), H)
open(sys.argv[1], "w").write(str(s.server_port))
s.serve_forever()
PY
pids+=($!)
for _ in $(seq 200); do [[ -s $work/tamper.port ]] && break; sleep 0.05; done
rc=0; "$exr" devices update --server "http://127.0.0.1:$(cat "$work/tamper.port")" 2>"$work/tamper.err" || rc=$?
[[ $rc == 75 ]] || fail "tampered download: exit $rc"
grep -q "the server announced" "$work/tamper.err" || { cat "$work/tamper.err"; fail "tamper message"; }
cmp -s "$XDG_STATE_HOME/examready/devices.tsv" "$work/newer.tsv" || fail "copy replaced by a tampered one"

# A collector behind this probe: its list is not saved, the newer copy at hand stays.
start_server "$work/port3" --devices "$work/older.tsv"
"$exr" devices update --server "http://127.0.0.1:$(cat "$work/port3")" | tee "$work/older.out"
grep -q "is older than the built-in one" "$work/older.out" || fail "an older list was not refused"
cmp -s "$XDG_STATE_HOME/examready/devices.tsv" "$work/newer.tsv" || fail "copy replaced by an older one"
# A launch after next year is a typo: refused (exit 65) with the row named, the copy kept.
start_server "$work/port4" --devices "$work/typo.tsv"
rc=0; "$exr" devices update --server "http://127.0.0.1:$(cat "$work/port4")" 2>"$work/typo.err" || rc=$?
[[ $rc == 65 ]] || fail "a typo list: exit $rc"
grep -q "acme ACME Next launches in 2099, after next year" "$work/typo.err" || { cat "$work/typo.err"; fail "typo message"; }
cmp -s "$XDG_STATE_HOME/examready/devices.tsv" "$work/newer.tsv" || fail "copy replaced by a typo list"
# ... and given with --devices, it is refused at once.
rc=0; "$exr" check --from-getprop "$fixture" --only device --devices "$work/typo.tsv" 2>"$work/typo2.err" >/dev/null || rc=$?
[[ $rc == 65 ]] || fail "--devices with a typo: exit $rc"
grep -q "typo.tsv: acme ACME Next launches in 2099" "$work/typo2.err" || { cat "$work/typo2.err"; fail "--devices typo message"; }
# A correction whose newest launch is earlier than the copy at hand's (a row fixed) replaces it.
start_server "$work/port5" --devices "$work/corrected.tsv"
"$exr" devices update --server "http://127.0.0.1:$(cat "$work/port5")" | grep -q "device database updated" \
  || fail "a correction was not saved"
cmp -s "$XDG_STATE_HOME/examready/devices.tsv" "$work/corrected.tsv" || fail "correction not saved"
# A fetched copy older than the built-in one (the probe was upgraded since) is not used.
cp "$work/older.tsv" "$XDG_STATE_HOME/examready/devices.tsv"
"$exr" check --from-getprop "$fixture" --only device --json >"$work/stale.json" 2>"$work/stale.err" || true
grep -q "is older than the built-in one" "$work/stale.err" || fail "no note on a stale copy"
[[ $(device_field "$work/stale.json" device.marketing_name) == "Redmi 9" ]] || fail "stale copy used"

# A broken cached copy: a warning, and the built-in database judges.
cp "$work/broken.tsv" "$XDG_STATE_HOME/examready/devices.tsv"
"$exr" check --from-getprop "$fixture" --only device --json >"$work/fallback.json" 2>"$work/fallback.err" || true
grep -q "fetched device database is unusable" "$work/fallback.err" || fail "no warning"
[[ $(device_field "$work/fallback.json" device.marketing_name) == "Redmi 9" ]] || fail "fallback name"
# ... and the next update replaces it, even from a server that serves the built-in database.
start_server "$work/port2"
"$exr" devices update --server "http://127.0.0.1:$(cat "$work/port2")" 2>/dev/null | grep -q "device database updated" \
  || fail "a broken copy was not replaced"
"$exr" devices status | grep -q "(fetched: " || fail "status after the repair"
echo "devices update ok: $version"
