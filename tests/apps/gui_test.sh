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
source "$(dirname "$0")/gui_frame.sh"
check_gui_frame "$tmp"
echo "gui ok (code $code)"
