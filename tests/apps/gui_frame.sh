# Sourced by gui_test.sh and windows_gui_test.sh: check_gui_frame DIR checks the frame the
# window saved (DIR/shot.bmp) and the code the terminal printed (DIR/out.txt), and leaves
# DIR/shot.png for GUI_SCREENSHOT_OUT. The window is the same code on Linux and Windows, so
# its frame is the same pixel for pixel at these points.
check_gui_frame() {
  local dir=$1
  [ -s "$dir/shot.bmp" ] || fail "no screenshot; stderr: $(cat "$dir/err.txt")"
  convert "$dir/shot.bmp" "$dir/shot.png"
  [ "$(identify -format '%wx%h' "$dir/shot.png")" = "960x720" ] || fail "window size"
  pixel() { convert "$dir/shot.png" -format "%[hex:u.p{$1,$2}]" info: | cut -c1-6; }
  [ "$(pixel 5 5)" = "1F3A5F" ] || fail "header colour at 5,5: $(pixel 5 5)"
  # QR code: white quiet zone, then the top-left finder pattern's dark corner module.
  [ "$(pixel 605 225)" = "FFFFFF" ] || fail "QR quiet zone: $(pixel 605 225)"
  [ "$(pixel 626 246)" = "212529" ] || fail "QR finder pattern: $(pixel 626 246)"
  # The first check row got a green "ok" marker.
  [ "$(pixel 30 88)" = "198754" ] || fail "first row status marker: $(pixel 30 88)"
  code=$(grep -oE '[0-9A-Z]{4}-[0-9A-Z]{4}' "$dir/out.txt" | head -n 1)
  [ -n "$code" ] || fail "terminal summary printed no code"
  cp "$dir/shot.png" "${GUI_SCREENSHOT_OUT:-/dev/null}" 2>/dev/null || true
}
