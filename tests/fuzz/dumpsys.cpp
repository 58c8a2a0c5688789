// Fuzz target: `dumpsys` output of the services a phone check reads (battery, media.camera,
// audio, alarm, wifi, connectivity, media_projection, display, bluetooth_manager, package,
// notification). Every
// parser reads the same input: a dump of one service must never crash the parser of another.
#include <algorithm>
#include <cstdint>

#include "platform/android/bluetooth_dump.h"
#include "platform/android/dumpsys.h"
#include "platform/android/notification_dump.h"
#include "platform/android/screen_dump.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;
namespace pa = examready::platform::android;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const pa::AndroidBattery battery = pa::parse_dumpsys_battery(text);
  if (battery.level_percent && !(*battery.level_percent >= 0 && *battery.level_percent <= 100)) {
    fuzz::invariant_failed("battery level outside 0..100");
  }
  const pa::CameraDump camera = pa::parse_dumpsys_media_camera(text);
  if (camera.max_width_px.has_value() != camera.max_height_px.has_value()) {
    fuzz::invariant_failed("camera width without height");
  }
  (void)pa::parse_audio_recording_packages(text);
  (void)pa::parse_alarm_clock_set(text);
  if (const auto rssi = pa::parse_wifi_rssi_dbm(text); rssi && (*rssi <= -127 || *rssi >= 0)) {
    fuzz::invariant_failed("RSSI outside -126..-1 dBm");
  }
  (void)pa::parse_default_network_type(text);
  for (const char* package : {"a.b", "cn.artstudent.app"}) {
    const auto version = pa::parse_package_version_name(text, package);
    if (version && (version->empty() || version->size() > 64 ||
                    version->find_first_of("\x1b\n\r") != std::string::npos)) {
      fuzz::invariant_failed("package version empty, over 64 bytes or with control bytes");
    }
  }
  (void)pa::parse_media_projection_active(text);
  (void)pa::parse_wireless_display_connected(text);
  const pa::BluetoothDump bt = pa::parse_dumpsys_bluetooth_manager(text);
  if (bt.wearables_bonded.has_value() != bt.bonded.has_value() ||
      (bt.bonded && (*bt.wearables_bonded < 0 || *bt.wearables_bonded > *bt.bonded))) {
    fuzz::invariant_failed("wearables outside 0..bonded");
  }
  if (const auto notes = pa::parse_notification_settings(text)) {
    // Blocked apps are among the listed ones, both sorted, no package empty or with a space.
    if (notes->listed.empty() || notes->blocked.size() > notes->listed.size() ||
        !std::is_sorted(notes->listed.begin(), notes->listed.end())) {
      fuzz::invariant_failed("notification settings: blocked outside the listed apps");
    }
    for (const auto& package : notes->blocked) {
      if (package.empty() || package.find(' ') != std::string::npos ||
          !std::binary_search(notes->listed.begin(), notes->listed.end(), package) ||
          pa::notifications_on(*notes, package)) {
        fuzz::invariant_failed("notification settings: a blocked app reads as on");
      }
    }
  }
  return 0;
}
