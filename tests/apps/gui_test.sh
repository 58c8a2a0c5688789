#!/usr/bin/env bash
# `examready check --gui` in a real SDL2 window under Xvfb (forced X11 driver, so it cannot
# quietly fall back to an offscreen driver): the saved frame has the header, the check rows
# and a QR code of the report code.
set -euo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "SKIP: xvfb-run not installed"; exit 0; }

export HOME=$tmp MESA_SHADER_CACHE_DISABLE=true SDL_VIDEODRIVER=x11
xvfb-run -a -s "-screen 0 1280x800x24" \
  "$bin" check --gui --only os,storage --lang zh --close-after 0 --screenshot "$tmp/shot.bmp" \
  --data-dir "$tmp" >"$tmp/out.txt" 2>"$tmp/err.txt" || fail "exit $?: $(cat "$tmp/err.txt")"
[ -s "$tmp/shot.bmp" ] || fail "no screenshot; stderr: $(cat "$tmp/err.txt")"
convert "$tmp/shot.bmp" "$tmp/shot.png"
[ "$(identify -format '%wx%h' "$tmp/shot.png")" = "960x720" ] || fail "window size"
pixel() { convert "$tmp/shot.png" -format "%[hex:u.p{$1,$2}]" info: | cut -c1-6; }
[ "$(pixel 5 5)" = "1F3A5F" ] || fail "header colour at 5,5: $(pixel 5 5)"
# QR code: white quiet zone, then the top-left finder pattern's dark corner module.
[ "$(pixel 605 225)" = "FFFFFF" ] || fail "QR quiet zone: $(pixel 605 225)"
[ "$(pixel 626 246)" = "212529" ] || fail "QR finder pattern: $(pixel 626 246)"
# The two check rows got a green "ok" marker.
[ "$(pixel 30 88)" = "198754" ] || fail "first row status marker: $(pixel 30 88)"
code=$(grep -oE '[0-9A-Z]{4}-[0-9A-Z]{4}' "$tmp/out.txt" | head -n 1)
[ -n "$code" ] || fail "terminal summary printed no code"
cp "$tmp/shot.png" "${GUI_SCREENSHOT_OUT:-/dev/null}" 2>/dev/null || true
echo "gui ok (code $code)"
