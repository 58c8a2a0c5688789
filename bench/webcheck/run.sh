#!/usr/bin/env bash
# The web check's figures: page weight as served (brotli, gzip) against the 400 KB budget, and the
# analysis time per captured second natively and as WebAssembly in node, side by side.
# Usage: bench/webcheck/run.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/release}
work=$(mktemp -d /tmp/exr-webcheck-bench.XXXXXX)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

"$build/apps/examready-server" --db "sqlite:$work/c.db" --listen 127.0.0.1:0 --port-file "$work/port" \
  --quiet --rules xiaoyibang 2>"$work/server.log" &
server=$!
for _ in $(seq 200); do [ -s "$work/port" ] && break; sleep 0.05; done
base=http://127.0.0.1:$(cat "$work/port")

echo "== page weight as served (budget 400 KB): as Chromium asks over HTTPS (br), and gzip only"
printf '  %-28s %9s %9s\n' path br gzip
total_br=0 total_gzip=0
for path in /check /static/check.css /static/check.js /static/check_probes.js /static/check_network.js \
            /static/check_queue.js /static/examready_web.mjs /static/examready_web.wasm /v1/rules; do
  br=$(curl -s -H 'Accept-Encoding: gzip, deflate, br, zstd' -o /dev/null -w '%{size_download}' "$base$path")
  gzip=$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$path")
  printf '  %-28s %9d %9d\n' "$path" "$br" "$gzip"
  total_br=$((total_br + br)) total_gzip=$((total_gzip + gzip))
done
printf '  %-28s %9d %9d bytes (%.1f KB as Chromium asks; device data is inside the wasm)\n' total \
  "$total_br" "$total_gzip" "$(echo "$total_br / 1000" | bc -l)"

echo "== analysis, ms per captured second: native | WebAssembly in node $(node --version) | wasm/native"
paste -d'|' <("$build/bench/webcheck/webcheck_analysis_bench") \
  <(node --no-experimental-fetch "$build/webcheck/wasm/webcheck/webcheck_analysis_bench.js") |
  awk -F'|' '{ split($1, a, "  +"); split($2, b, "  +"); n = a[2] + 0; w = b[2] + 0;
               printf "  %-44s %9.3f | %9.3f | %5.2f\n", a[1], n, w, (n > 0 ? w / n : 0) }'

