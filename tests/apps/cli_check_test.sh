#!/usr/bin/env bash
# examready check as a user runs it: JSON on stdout only, --out, --only, usage errors (64),
# storage agreeing with df, plain progress lines when stdout is not a terminal.
set -euo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# --version and the catalog listing
"$bin" --version | grep -E '^examready [0-9]+\.[0-9]+\.[0-9]+' >/dev/null || fail "--version"
"$bin" checks | grep 'storage.free_bytes .*bytes' >/dev/null || fail "checks lists storage.free_bytes with its unit"

# --json: stdout is exactly one JSON document, the report
"$bin" check --json --only storage,os --data-dir "$tmp" >"$tmp/report.json" 2>"$tmp/err" || fail "check --json exited $?"
jq -e '.schema == "examready.report/1" and (.checks | length) == 2' "$tmp/report.json" >/dev/null || fail "report shape"
jq -e '[.checks[].name] == ["storage", "os"]' "$tmp/report.json" >/dev/null || fail "--only order"

# storage.free_bytes matches df on the same path within 1 %
free=$(jq '.checks[] | select(.name == "storage") | .measurements["storage.free_bytes"].value' "$tmp/report.json")
df_free=$(df -B1 --output=avail "$tmp" | tail -n 1 | tr -d ' ')
awk -v a="$free" -v b="$df_free" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= 0.01 * b) }' \
  || fail "storage.free_bytes $free vs df $df_free"

# --out writes the same kind of report, and without --json the terminal summary is shown
"$bin" check --only storage --out "$tmp/out.json" --data-dir "$tmp" --lang en >"$tmp/human.txt" || fail "check --out"
jq -e '.checks[0].name == "storage"' "$tmp/out.json" >/dev/null || fail "--out content"
grep -q '^Checking storage' "$tmp/human.txt" || fail "plain progress line when not a TTY"
grep -q 'Report code: [0-9A-Z]\{4\}-[0-9A-Z]\{4\}' "$tmp/human.txt" || fail "summary shows the code"
if grep -q $'\x1b' "$tmp/human.txt"; then fail "no colour codes when stdout is not a terminal"; fi
"$bin" check --only storage --data-dir "$tmp" --lang zh | grep '报告编号' >/dev/null || fail "zh summary"

# device ids: the same for every run of one installation, another with another installation's
# secret (so a known serial or machine id finds nothing), and the secret stays private
if [ -s /etc/machine-id ]; then
  id_of() { XDG_STATE_HOME="$1" "$bin" check --json --only os | jq -r '.host.device_id'; }
  first=$(id_of "$tmp/state-a"); again=$(id_of "$tmp/state-a"); other=$(id_of "$tmp/state-b")
  [[ $first =~ ^[0-9a-f]{32}$ ]] || fail "device id '$first'"
  [ "$first" = "$again" ] || fail "device id changed between runs: $first, $again"
  [ "$first" != "$other" ] || fail "two installations gave the same device id"
  [ "$(stat -c %a "$tmp/state-a/examready/device-id-secret")" = 600 ] || fail "secret not 0600"
fi

# usage errors exit 64 with a message on stderr
expect_usage() {
  local status=0
  "$bin" "$@" >"$tmp/o" 2>"$tmp/e" || status=$?
  [ "$status" -eq 64 ] || fail "'$*' exited $status, expected 64"
  [ -s "$tmp/e" ] || fail "'$*' printed no error"
}
expect_usage check --only nosuchcheck
expect_usage check --role tertiary
expect_usage check --data-dir "$tmp/missing"
expect_usage check --bogus-flag
expect_usage frobnicate
expect_usage
grep -q "nosuchcheck" <("$bin" check --only nosuchcheck 2>&1) || fail "unknown check named in the error"

echo "cli checks passed"
