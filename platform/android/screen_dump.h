// Parsers for the dumps that tell whether the screen leaves the phone: `dumpsys
// media_projection` (screen recording or casting apps) and `dumpsys display` (Miracast).
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

}  // namespace examready::platform::android
