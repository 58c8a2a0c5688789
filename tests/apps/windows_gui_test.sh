#!/usr/bin/env bash
# `examready.exe check --gui` under Wine, in a real window of SDL2's Windows video driver
# (Wine draws it on Xvfb): the saved frame has the header, the check rows and the QR code,
# as the Linux window does (gui_test.sh). The window's Chinese text needs a CJK font in the
# Windows Fonts folder, as every Chinese Windows has (Microsoft YaHei): Debian's Noto Sans CJK
# is copied into the prefix for it.
set -euo pipefail
exe=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
wine_run=$here/../../scripts/wine-run
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v xvfb-run >/dev/null || fail "xvfb-run not installed"
export WINEPREFIX=${WINEPREFIX:-$(cd "$here/../.." && pwd)/build/windows/wine-prefix}
"$wine_run" cmd /c exit 0  # makes the prefix if this is the first test to run
font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
[ -f "$font" ] || fail "no $font (fonts-noto-cjk)"
cp -n "$font" "$WINEPREFIX/drive_c/windows/Fonts/"

# The prefix's desktop process belongs to the display it started on: end it before (it has
# none) and after (Xvfb is gone then). ctest runs this test alone, so nothing else is using it.
# -w: wait until it has gone, so that no program connects to a server on its way out.
stop_wineserver() { wineserver -k 2>/dev/null || true; wineserver -w 2>/dev/null || true; }
stop_wineserver
trap 'stop_wineserver; rm -rf "$tmp"' EXIT
shot="Z:${tmp//\//\\}\\shot.bmp"
EXAMREADY_WINE_DISPLAY=1 xvfb-run -a -s "-screen 0 1280x800x24" \
  "$wine_run" "$exe" check --gui --only os,storage,font --lang zh --close-after 0 --screenshot "$shot" \
  --data-dir 'C:\' >"$tmp/out.txt" 2>"$tmp/err.txt" || fail "exit $?: $(cat "$tmp/err.txt")"
source "$here/gui_frame.sh"
check_gui_frame "$tmp"
echo "windows gui ok (code $code)"
