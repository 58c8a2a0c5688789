#!/usr/bin/env bash
# The collector links the core and the server, never the checks: its dynamic dependencies
# (readelf's NEEDED entries) hold no SDL2, libpulse, FFmpeg or libcurl, and its symbols no
# probe code. Usage: server_link_test.sh PATH/TO/examready-server
set -euo pipefail
server=$1
needed=$(readelf -d "$server" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
echo "examready-server needs:"; echo "$needed" | sed 's/^/  /'
bad=$(grep -E '^lib(SDL2|pulse|av(codec|format|device|util|filter)|swscale|curl)' <<<"$needed" || true)
if [ -n "$bad" ]; then
  echo "FAIL: the collector links what only the probe needs: $bad" >&2
  exit 1
fi
# Static libraries leave no NEEDED entry: look for the probe's own code by its symbols.
if nm -C "$server" | grep -qE 'examready::probe::|examready::ui::'; then
  echo "FAIL: probe or ui code is linked into the collector:" >&2
  nm -C "$server" | grep -E 'examready::probe::|examready::ui::' | head -5 >&2
  exit 1
fi
echo "ok: no SDL2, libpulse, FFmpeg, libcurl or probe code in examready-server"
