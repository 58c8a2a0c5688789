// Parsers for the `dumpsys` services a phone check reads: battery, media.camera,
// audio (recording clients), alarm, wifi, connectivity and package.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace examready::platform::android {

struct AndroidBattery {
  std::optional<bool> present;
  std::optional<double> level_percent;  // level / scale
  std::optional<bool> charging;         // status charging or full, or on power and not discharging
};
AndroidBattery parse_dumpsys_battery(std::string_view text);

struct CameraDump {
  std::optional<int> count;         // "Number of camera devices"
  std::optional<int> max_width_px;  // largest JPEG/YUV output stream of any camera (only
                                    // when every camera's stream list was complete)
  std::optional<int> max_height_px;
  std::vector<std::string> client_packages;  // "Active Camera Clients" packages
};
CameraDump parse_dumpsys_media_camera(std::string_view text);

// Packages recording now, from the RecordActivityMonitor section of `dumpsys audio`.
std::vector<std::string> parse_audio_recording_packages(std::string_view text);

// `dumpsys alarm`: whether any user has an alarm clock set ("Next alarm clock information"
// lists one line per user, with time:0 when none). nullopt when the section is missing.
std::optional<bool> parse_alarm_clock_set(std::string_view text);

// RSSI of the connected Wi-Fi network (mWifiInfo line); nullopt when not connected.
// The SSID and BSSID on that line are never kept.
std::optional<int> parse_wifi_rssi_dbm(std::string_view text);

// The transport of the default network: wifi, cellular, ethernet or none; nullopt when the
// dump does not say (or names another kind).
std::optional<std::string> parse_default_network_type(std::string_view text);

// `dumpsys package PACKAGE`: the versionName of that package's own entry ("Package [PACKAGE]
// (…):" … "versionName=6.4.2"), made printable and cut to 64 bytes (the text is the app's);
// nullopt when the dump has no such entry or it gives no version.
std::optional<std::string> parse_package_version_name(std::string_view text,
                                                      std::string_view package);

}  // namespace examready::platform::android
