// dumpsys media_projection / display text -> is the screen recorded, shared or mirrored.
// Formats follow AOSP's dumpers (MediaProjectionManagerService.dump, DisplayManagerService
// dumpInternal, WifiDisplayAdapter.dumpLocked, DisplayDeviceInfo.toString), unchanged in
// shape from Android 5 to 15.
#include "platform/android/screen_dump.h"

#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

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

namespace {

// "1080 x 2340" at the start of `text` (after blanks) -> {1080, 2340}.
std::optional<std::pair<double, double>> pair_of(std::string_view text) {
  text = text::trim(text);
  const auto x = text.find(" x ");
  if (x == std::string_view::npos) return std::nullopt;
  const auto first = text::to_double(text.substr(0, x));
  std::string_view rest = text.substr(x + 3);
  const auto end = rest.find_first_of(", ");
  const auto second = text::to_double(rest.substr(0, end));
  if (!first || !second) return std::nullopt;
  return std::make_pair(*first, *second);
}

}  // namespace

// DisplayDeviceInfo.toString: `DisplayDeviceInfo{"NAME": uniqueId="local:0", 1080 x 2340,
// modeId 1, …, density 440, 394.705 x 394.563 dpi, …}`.
std::optional<BuiltinDisplays> parse_builtin_displays(std::string_view dump) {
  constexpr std::string_view kLocal = "uniqueId=\"local:";
  std::set<std::string> seen;
  BuiltinDisplays found;
  for (auto raw : text::lines(dump)) {
    const std::string_view line = text::trim(raw);
    if (!text::starts_with(line, "DisplayDeviceInfo{")) continue;
    const auto id_at = line.find(kLocal);
    if (id_at == std::string_view::npos) continue;
    const auto id_end = line.find('"', id_at + kLocal.size());
    if (id_end == std::string_view::npos) continue;
    const std::string id(line.substr(id_at, id_end - id_at));
    std::string_view after_id = line.substr(id_end + 1);  // ", 1080 x 2340, modeId 1, …"
    if (text::starts_with(after_id, ",")) after_id.remove_prefix(1);
    const auto pixels = pair_of(after_id);
    const auto dpi_end = line.find(" dpi");
    const auto density = line.rfind("density ", dpi_end);
    if (!pixels || dpi_end == std::string_view::npos || density == std::string_view::npos) {
      continue;
    }
    const auto comma = line.find(", ", density);
    if (comma == std::string_view::npos || comma > dpi_end) continue;
    const auto dpi = pair_of(line.substr(comma + 2, dpi_end - comma - 2));
    if (!dpi) continue;
    const auto [xdpi, ydpi] = *dpi;
    if (xdpi < 80 || xdpi > 1000 || ydpi < 80 || ydpi > 1000 || std::abs(xdpi / ydpi - 1) > 0.15) {
      continue;
    }
    const double inches = std::hypot(pixels->first / xdpi, pixels->second / ydpi);
    if (inches < 2 || inches > 30) continue;
    if (seen.insert(id).second) ++found.count;
    found.largest_diagonal_in = std::max(found.largest_diagonal_in, inches);
  }
  if (found.count == 0) return std::nullopt;
  return found;
}

}  // namespace examready::platform::android
