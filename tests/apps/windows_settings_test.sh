#!/usr/bin/env bash
# examready.exe under Wine reads what the Windows it runs on says: the settings are changed
# in the Wine prefix with `wine reg add`, as Settings and Windows Update write them,
# and the report must follow. Free space is compared with df on the folder behind C:.
# Usage: windows_settings_test.sh EXAMREADY_EXE   (ctest runs it alone: it edits the prefix)
set -uo pipefail
exe=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
wine_run=$here/../../scripts/wine-run
source "$here/../support/expect_json.sh"
out=$(mktemp -d)
export WINEPREFIX=${WINEPREFIX:-$(cd "$here/../.." && pwd)/build/windows/wine-prefix}
"$wine_run" cmd /c exit 0  # makes the prefix if this is the first test to run
reg() { "$wine_run" reg "$@" >/dev/null 2>&1; }
current_version='HKLM\Software\Microsoft\Windows NT\CurrentVersion'
set_build() {  # set_build BUILD: what Windows Update writes; Wine's RtlGetVersion reads it
  reg add "$current_version" /v CurrentBuildNumber /d "$1" /f
  reg add "$current_version" /v CurrentBuild /d "$1" /f
}
restore() {
  reg delete 'HKCU\Control Panel\Desktop' /v LogPixels /f
  reg delete 'HKCU\Software\Microsoft\Accessibility' /v TextScaleFactor /f
  set_build 18362
  reg delete "$current_version" /v UBR /f
  reg delete "$current_version" /v DisplayVersion /f
  rm -rf "$out"
}
trap restore EXIT

check() {  # check NAME: examready.exe check --json into $out/NAME.json
  "$wine_run" "$exe" check --only os,font,storage,battery,device --json --data-dir 'C:\' \
    >"$out/$1.json" 2>"$out/$1.err"
}

# Windows 10 22H2 as installed: 96 DPI, text size never moved.
set_build 19045
check defaults
expect_json "os: Windows 10 from RtlGetVersion" \
  '.checks[] | select(.name=="os") | .measurements | .["os.family"].value=="windows"
     and (.["os.version"].value | startswith("10.0.")) and (.["os.name"].value | startswith("Windows 10"))' \
  "$out/defaults.json"
expect_json "font: standard text size and 96 DPI" \
  '.checks[] | select(.name=="font") | .measurements | .["font.scale"].value==1
     and .["font.display_scale"].value==1 and (.["font.ui_family"].value | length > 0)' \
  "$out/defaults.json"
expect_json "camera-less checks are not run, and none is an error" \
  '[.checks[] | select(.status=="error")] | length == 0' "$out/defaults.json"

# Free space: GetDiskFreeSpaceExW on C: against df on the folder Wine maps C: to (±1 %).
df_free=$(df -B1 --output=avail "$WINEPREFIX/drive_c" | tail -1 | tr -d ' ')
expect_json "storage: C: free space within 1 % of df ($df_free bytes)" \
  ".checks[] | select(.name==\"storage\") | .measurements[\"storage.free_bytes\"].value as \$v
     | ((\$v - $df_free) | fabs) <= $df_free * 0.01" \
  "$out/defaults.json"

# The user sets 150 % scaling (144 DPI) and the text size slider to 150 %.
reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d 144 /f
reg add 'HKCU\Software\Microsoft\Accessibility' /v TextScaleFactor /t REG_DWORD /d 150 /f
check larger
expect_json "font: 150 % text size and 144 DPI read back" \
  '.checks[] | select(.name=="font") | .measurements | .["font.scale"].value==1.5
     and .["font.display_scale"].value==1.5' \
  "$out/larger.json"

# Windows 11 23H2 as its registry has it: ProductName still says "Windows 10" (the build
# number tells), the update revision and the feature update beside it.
set_build 22631
reg add "$current_version" /v UBR /t REG_DWORD /d 3007 /f
reg add "$current_version" /v DisplayVersion /d 23H2 /f
check win11
expect_json "os: Windows 11 10.0.22631.3007 (23H2), not the registry's 'Windows 10'" \
  '.checks[] | select(.name=="os") | .measurements | (.["os.name"].value | startswith("Windows 11"))
     and .["os.version"].value == "10.0.22631" and .["os.kernel"].value == "10.0.22631.3007 (23H2)"' \
  "$out/win11.json"

if [ "$failures" -gt 0 ]; then
  for f in "$out"/*.err; do echo "--- $f"; cat "$f"; done
fi
exit $((failures > 0))
