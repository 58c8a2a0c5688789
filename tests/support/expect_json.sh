# Sourced by the shell tests that check examready's JSON reports with jq.
# expect_json WHAT FILTER FILE: "ok" when FILE holds one JSON document for which the jq
# FILTER is true; else "FAIL" and the report's checks (or the file, if it is no JSON).
# $failures counts the failures.
failures=${failures:-0}
expect_json() {
  if jq -s -e "length == 1 and (.[0] | $2)" "$3" >/dev/null 2>&1; then
    echo "ok   - $1"
  else
    echo "FAIL - $1: $2"
    jq -c '.checks[] | {name, status, message, measurements}' "$3" 2>/dev/null || cat "$3"
    failures=$((failures + 1))
  fi
}
