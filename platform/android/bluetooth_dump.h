// Parser for `dumpsys bluetooth_manager`: is Bluetooth on, and how many bonded devices are
// watches or bands. Names and addresses are read only to tell that, never returned.
#pragma once

#include <optional>
#include <string_view>

namespace examready::platform::android {

struct BluetoothDump {
  std::optional<bool> enabled;  // "Bluetooth Status" / "enabled: true|false"
  // The adapter's "Bonded devices:" list, only when read to its end (a cut list could have
  // lost the watch); absent too when a line in it is not a device (a name with a newline) or
  // there are two lists. Absent while Bluetooth is off: the adapter service is not bound then.
  std::optional<int> bonded;
  std::optional<int> wearables_bonded;  // of those, watches and bands
  // How the wearables were told. Android 15+ prints each device's class of device
  // ("[ 0x240404 ]"): major class 0x0700 is a wearable. Android 14 and older print only the
  // address, device type and name, and an LE-only band has no class: then the name says it
  // (watch, band, 手表, 手环…).
  bool by_class = false;
  bool by_name = false;
};
BluetoothDump parse_dumpsys_bluetooth_manager(std::string_view text);

// The heuristic on names, for tests: a watch or band by what vendors call them.
bool wearable_name(std::string_view name);

}  // namespace examready::platform::android
