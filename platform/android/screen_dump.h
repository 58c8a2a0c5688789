// Parsers for the dumps that tell whether the screen leaves the phone: `dumpsys
// media_projection` (screen recording or casting apps) and `dumpsys display` (Miracast);
// and, from the latter, the size of the phone's own panels.
#pragma once

#include <optional>
#include <string_view>

namespace examready::platform::android {

// `dumpsys media_projection`: true while an app holds a started MediaProjection (screen
// recording, screen sharing, casting through an app), false when the dump says "null".
// nullopt when the text is not that dump or is cut before the value.
std::optional<bool> parse_media_projection_active(std::string_view text);

// `dumpsys display`: true while a wireless display (Wi-Fi Display / Miracast) is connected,
// told by WifiDisplayAdapter's mActiveDisplayState=2 (CONNECTED) or by a display device of
// type WIFI. nullopt when the text is not that dump or is cut before its display devices end.
std::optional<bool> parse_wireless_display_connected(std::string_view text);

// The built-in panels `dumpsys display` lists (DisplayDeviceInfo with uniqueId "local:…"):
// how many, and the largest one's physical diagonal from its pixels and its xdpi/ydpi.
struct BuiltinDisplays {
  int count = 0;                   // distinct built-in panels (a foldable has two)
  double largest_diagonal_in = 0;  // inches
};
// nullopt when no built-in panel states a plausible physical density (80-1000 dpi, x and y
// within 15 % of each other: some firmware reports the logical density there) or the
// diagonal comes out outside 2-30 inches.
std::optional<BuiltinDisplays> parse_builtin_displays(std::string_view text);

}  // namespace examready::platform::android
