// dumpsys text -> facts. Formats differ between Android releases; each parser accepts
// the variants seen from Android 7 to 14 and ignores what it does not recognise.
#include "platform/android/dumpsys.h"

#include <algorithm>

#include "core/text.h"

namespace examready::platform::android {

namespace text = core::text;
namespace {

std::string_view value_after(std::string_view line, std::string_view key) {
  const auto pos = line.find(key);
  if (pos == std::string_view::npos) return {};
  std::string_view rest = line.substr(pos + key.size());
  const auto end = rest.find_first_of(" ,)}");
  return end == std::string_view::npos ? rest : rest.substr(0, end);
}

void add_unique(std::vector<std::string>& list, std::string_view value) {
  if (value.empty()) return;
  if (std::find(list.begin(), list.end(), value) == list.end()) list.emplace_back(value);
}

}  // namespace

AndroidBattery parse_dumpsys_battery(std::string_view text) {
  AndroidBattery b;
  std::optional<std::int64_t> level, scale, status;
  bool powered = false;
  for (auto raw : text::lines(text)) {
    const std::string_view line = text::trim(raw);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, colon);
    const std::string_view value = text::trim(line.substr(colon + 1));
    if (key == "present")
      b.present = value == "true";
    else if (key == "level")
      level = text::to_int(value);
    else if (key == "scale")
      scale = text::to_int(value);
    else if (key == "status")
      status = text::to_int(value);
    else if ((key == "AC powered" || key == "USB powered" || key == "Wireless powered" ||
              key == "Dock powered") &&
             value == "true") {
      powered = true;
    }
  }
  // A level outside 0..scale is not a charge (a broken fuel gauge, or text that is not
  // dumpsys's): unknown, not clamped to a confident 0 or 100 %.
  if (level) {
    const double s = scale && *scale > 0 ? static_cast<double>(*scale) : 100.0;
    const double percent = 100.0 * static_cast<double>(*level) / s;
    if (percent >= 0 && percent <= 100) b.level_percent = percent;
  }
  // BatteryManager.BATTERY_STATUS_*: 2 charging, 3 discharging, 4 not charging, 5 full.
  if (status) {
    if (*status == 2 || *status == 5)
      b.charging = true;
    else if (*status == 3)
      b.charging = false;
    else if (*status == 4)
      b.charging = powered;
  }
  return b;
}

CameraDump parse_dumpsys_media_camera(std::string_view text) {
  CameraDump dump;
  bool in_clients = false, in_streams = false;
  std::int64_t best_area = 0;
  int complete_stream_lists = 0;
  std::optional<int> best_w, best_h;
  for (auto raw : text::lines(text)) {
    const std::string_view line = text::trim(raw);
    if (text::starts_with(line, "Number of camera devices:")) {
      if (auto n = text::to_int(line.substr(25))) dump.count = static_cast<int>(*n);
      continue;
    }
    if (text::starts_with(line, "Active Camera Clients:")) {
      in_clients = true;
      continue;
    }
    if (in_clients) {
      if (line == "]" || line == "[]" || text::starts_with(line, "Allowed user") ||
          text::starts_with(line, "==")) {
        in_clients = false;
      } else if (line.find("Client Package:") != std::string_view::npos) {
        add_unique(dump.client_packages, value_after(line, "Client Package: "));
      }
      continue;
    }
    // android.scaler.availableStreamConfigurations rows: [format width height OUTPUT|INPUT ].
    if (line.find("android.scaler.availableStreamConfigurations ") != std::string_view::npos) {
      in_streams = true;
      continue;
    }
    if (in_streams) {
      if (line.empty() || line.front() != '[') {
        in_streams = false;
        ++complete_stream_lists;
        continue;
      }
      const auto f = text::fields(line.substr(1));
      if (f.size() < 4 || f[3] != "OUTPUT") continue;
      // 33 = BLOB (JPEG), 35 = YUV_420_888: the sizes a recording app can ask for.
      if (f[0] != "33" && f[0] != "35") continue;
      auto w = text::to_int(f[1]), h = text::to_int(f[2]);
      // No sensor is 100,000 pixels wide: larger numbers are junk, and their product overflowed.
      if (!w || !h || *w <= 0 || *h <= 0 || *w > 100000 || *h > 100000) continue;
      if (*w * *h > best_area) {
        best_area = *w * *h;
        best_w = static_cast<int>(*w);
        best_h = static_cast<int>(*h);
      }
    }
  }
  // The best size is only known once every camera's list was read to its end: a dump cut
  // short might have lost the largest sensor.
  if (dump.count && complete_stream_lists >= *dump.count) {
    dump.max_width_px = best_w;
    dump.max_height_px = best_h;
  }
  return dump;
}

std::vector<std::string> parse_audio_recording_packages(std::string_view text) {
  std::vector<std::string> packages;
  bool in_monitor = false;
  bool active = true;  // Android 10 lists only live configurations, without riid lines
  for (auto raw : text::lines(text)) {
    const std::string_view line = text::trim(raw);
    if (text::starts_with(line, "RecordActivityMonitor dump time")) {
      in_monitor = true;
      continue;
    }
    if (!in_monitor) continue;
    // Android 11+: one "riid N; active? B" line per recorder, its configuration indented
    // below it. A stopped recorder keeps its configuration but holds no microphone.
    if (text::starts_with(line, "riid ")) {
      active = line.find("active? true") != std::string_view::npos;
      continue;
    }
    // The event log that follows repeats past sessions: stop at the first other
    // top-level line.
    if (!raw.empty() && raw.front() != ' ' && raw.front() != '\t') break;
    if (line.find("session:") == std::string_view::npos || !active) continue;
    // Clients muted by the policy ("silenced:true") hold no live microphone either.
    if (line.find("silenced:true") != std::string_view::npos) continue;
    add_unique(packages, value_after(line, "pack:"));
  }
  return packages;
}

std::optional<bool> parse_alarm_clock_set(std::string_view text) {
  bool in_section = false;
  bool any = false;
  for (auto raw : text::lines(text)) {
    const std::string_view line = text::trim(raw);
    if (text::starts_with(line, "Next alarm clock information:")) {
      in_section = true;
      continue;
    }
    if (!in_section) continue;
    if (!text::starts_with(line, "user:")) return any;  // end of the section
    auto time = text::to_int(value_after(line, "time:"));
    if (time && *time > 0) any = true;
  }
  return in_section ? std::optional<bool>(any) : std::nullopt;
}

std::optional<int> parse_wifi_rssi_dbm(std::string_view text) {
  for (auto raw : text::lines(text)) {
    const std::string_view line = text::trim(raw);
    if (!text::starts_with(line, "mWifiInfo ")) continue;
    if (line.find("Supplicant state: COMPLETED") == std::string_view::npos) return std::nullopt;
    auto rssi = text::to_int(value_after(line, "RSSI: "));
    // -127 is the "invalid RSSI" sentinel of WifiInfo.
    if (!rssi || *rssi <= -127 || *rssi >= 0) return std::nullopt;
    return static_cast<int>(*rssi);
  }
  return std::nullopt;
}

std::optional<std::string> parse_default_network_type(std::string_view text) {
  std::string active;
  const auto all = text::lines(text);
  for (auto raw : all) {
    const std::string_view line = text::trim(raw);
    if (text::starts_with(line, "Active default network:")) {
      active = std::string(text::trim(line.substr(23)));
      break;
    }
  }
  if (active.empty()) return std::nullopt;
  if (active == "none") return "none";
  // Android 9+: "NetworkAgentInfo{network{100} ... Transports: WIFI ..." (Android 7-8:
  // "NetworkAgentInfo [WIFI () - 100]").
  const std::string id_new = "network{" + active + "}";
  const std::string id_old = " - " + active + "]";
  for (auto raw : all) {
    const std::string_view line = text::trim(raw);
    if (!text::starts_with(line, "NetworkAgentInfo")) continue;
    if (line.find(id_new) == std::string_view::npos && line.find(id_old) == std::string_view::npos)
      continue;
    std::string transports(value_after(line, "Transports: "));
    if (transports.empty() && line.find('[') != std::string_view::npos) {
      // Nothing after the bracket in a cut line: no transport (front() of nothing was UB).
      const auto words = text::fields(line.substr(line.find('[') + 1));
      if (!words.empty()) transports = std::string(words.front());
    }
    transports = text::lower(transports);
    if (transports.find("wifi") != std::string::npos) return "wifi";
    if (transports.find("cellular") != std::string::npos ||
        transports.find("mobile") != std::string::npos) {
      return "cellular";
    }
    if (transports.find("ethernet") != std::string::npos) return "ethernet";
    return std::nullopt;  // bluetooth, vpn…: not a kind the rules know
  }
  return std::nullopt;
}

std::optional<std::string> parse_package_version_name(std::string_view text,
                                                      std::string_view package) {
  const std::string header = "Package [" + std::string(package) + "]";
  bool in_entry = false;
  for (auto raw : text::lines(text)) {
    const std::string_view line = text::trim(raw);
    if (!in_entry) {
      in_entry = text::starts_with(line, header);
      continue;
    }
    // The entry ends at the next package's or at the next top-level section ("Queries:").
    if (text::starts_with(line, "Package [") || (!raw.empty() && raw.front() != ' ')) break;
    if (text::starts_with(line, "versionName=")) {
      std::string version =
          text::cut_utf8(std::string(text::trim(text::printable(line.substr(12)))), 64);
      if (version.empty() || version == "null") return std::nullopt;
      return version;
    }
  }
  return std::nullopt;
}

}  // namespace examready::platform::android
