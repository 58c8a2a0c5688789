// dumpsys media_projection / display text -> is the screen recorded, shared or mirrored.
// Formats follow AOSP's dumpers (MediaProjectionManagerService.dump, DisplayManagerService
// dumpInternal, WifiDisplayAdapter.dumpLocked, DisplayDeviceInfo.toString), unchanged in
// shape from Android 5 to 15.
#include "platform/android/screen_dump.h"

#include "core/text.h"

namespace examready::platform::android {

namespace text = core::text;

// Only what goes through MediaProjection shows here. A vendor's built-in screen recorder that
// captures by a system path of its own (no MediaProjection grant) leaves "null": it reads as
// not recording, so false means no app holds a projection, not that nothing records.
std::optional<bool> parse_media_projection_active(std::string_view dump) {
  bool after_header = false;
  for (auto raw : text::lines(dump)) {
    const std::string_view line = text::trim(raw);
    if (!after_header) {
      after_header = text::starts_with(line, "Media Projection:");
      continue;
    }
    if (line.empty()) continue;
    if (line == "null") return false;
    // MediaProjection.dump: "(com.example.recorder, uid=10234): TYPE_SCREEN_CAPTURE".
    if (line.front() == '(' && line.find(", uid=") != std::string_view::npos &&
        line.find("): ") != std::string_view::npos) {
      return true;
    }
    return std::nullopt;  // something else where the grant belongs: not a dump we know
  }
  return std::nullopt;
}

std::optional<bool> parse_wireless_display_connected(std::string_view dump) {
  bool in_devices = false, devices_ended = false, connected = false;
  for (auto raw : text::lines(dump)) {
    const std::string_view line = text::trim(raw);
    // WifiDisplayStatus.DISPLAY_STATE_CONNECTED is 2 (0 not connected, 1 connecting).
    if (text::starts_with(line, "mActiveDisplayState=") && text::trim(line.substr(20)) == "2")
      connected = true;
    if (text::starts_with(line, "Display Devices:")) {
      in_devices = true;
      continue;
    }
    if (!in_devices) continue;
    if (text::starts_with(line, "Logical Displays:")) {
      devices_ended = true;
      in_devices = false;
      continue;
    }
    // DisplayDeviceInfo{"name": uniqueId="wifi:…", 1920 x 1080, …, type WIFI, address …}.
    if (text::starts_with(line, "DisplayDeviceInfo{") &&
        (line.find(", type WIFI,") != std::string_view::npos ||
         line.find(", type WIFI}") != std::string_view::npos)) {
      connected = true;
    }
  }
  // Without the end of the device list a cut dump could have lost the wireless display.
  if (!devices_ended) return std::nullopt;
  return connected;
}

}  // namespace examready::platform::android
