// adb device list -> the one phone to check, or an error that says how to fix it.
#include "platform/android/adb_devices.h"

#include "core/text.h"

namespace examready::platform::android {

namespace text = core::text;

// Phones named in a message: a real desk has a few; a broken adb can list a million.
constexpr std::size_t kListedDevices = 16;

namespace {

// The states `adb devices` prints (adb's connection_state_name), "no" as in "no permissions".
bool is_adb_state(std::string_view word) {
  for (std::string_view state :
       {"device", "offline", "unauthorized", "authorizing", "connecting", "bootloader", "recovery",
        "rescue", "sideload", "host", "unknown", "detached", "no"}) {
    if (word == state) return true;
  }
  return false;
}

}  // namespace

std::vector<AdbDevice> parse_adb_devices(std::string_view text) {
  std::vector<AdbDevice> devices;
  for (auto raw : text::lines(text)) {
    const std::string_view line = text::trim(raw);
    if (line.empty() || line.front() == '*' || text::starts_with(line, "List of devices")) continue;
    // "SERIAL<TAB>state" or, with -l, "SERIAL   state usb:1-1 product:… model:… device:…".
    // "no permissions" is two words and followed by a hint in parentheses.
    const auto f = text::fields(line);
    if (f.size() < 2) continue;
    // A serial may hold blanks (a wireless-debugging service name, "adb-R5CR10XQ4KJ-Tq3eXr
    // (2)._adb-tls-connect._tcp"): it is everything before the first word that is a state.
    std::size_t state_at = 1;
    while (state_at < f.size() && !is_adb_state(f[state_at])) ++state_at;
    if (state_at == f.size()) state_at = 1;  // no state word adb knows: as printed
    AdbDevice d;
    d.serial = std::string(
        text::trim(line.substr(0, static_cast<std::size_t>(f[state_at].data() - line.data()))));
    d.state = std::string(f[state_at]);
    if (d.state == "no" && state_at + 1 < f.size() && f[state_at + 1] == "permissions") {
      d.state = "no permissions";
    }
    for (auto field : f) {
      if (text::starts_with(field, "model:")) d.model = std::string(field.substr(6));
    }
    devices.push_back(std::move(d));
  }
  return devices;
}

AdbPick pick_adb_device(const std::vector<AdbDevice>& devices, std::string_view requested) {
  AdbPick pick;
  const AdbDevice* chosen = nullptr;
  if (requested.empty()) {
    if (devices.empty()) {
      pick.error = AdbPickError::kNoDevice;
      pick.message =
          "no Android phone found over adb: connect it with a USB data cable and turn on USB "
          "debugging (Settings > Developer options)";
      return pick;
    }
    if (devices.size() > 1) {
      pick.error = AdbPickError::kSeveral;
      pick.message = "several phones are attached; name one with --android SERIAL:";
      for (std::size_t i = 0; i < devices.size() && i < kListedDevices; ++i) {
        const AdbDevice& d = devices[i];
        pick.message +=
            "\n  " + d.serial + "  " + d.state + (d.model.empty() ? "" : "  " + d.model);
      }
      if (devices.size() > kListedDevices) {
        pick.message += "\n  … and " + std::to_string(devices.size() - kListedDevices) + " more";
      }
      return pick;
    }
    chosen = &devices.front();
  } else {
    for (const auto& d : devices) {
      if (d.serial == requested) chosen = &d;
    }
    if (!chosen) {
      pick.error = AdbPickError::kNotFound;
      pick.message = "no attached phone has serial " + std::string(requested) + " (attached: ";
      for (std::size_t i = 0; i < devices.size() && i < kListedDevices; ++i)
        pick.message += (i ? ", " : "") + devices[i].serial;
      if (devices.size() > kListedDevices) {
        pick.message += ", … " + std::to_string(devices.size() - kListedDevices) + " more";
      }
      pick.message += devices.empty() ? "none)" : ")";
      return pick;
    }
  }
  if (chosen->state == "device") {
    pick.device = *chosen;
    return pick;
  }
  if (chosen->state == "unauthorized") {
    pick.error = AdbPickError::kUnauthorized;
    pick.message = "phone " + chosen->serial +
                   " has not authorised this computer: unlock it and accept the USB debugging "
                   "prompt on the phone (tick \"Always allow\"), then run the check again";
  } else if (chosen->state == "offline") {
    pick.error = AdbPickError::kOffline;
    pick.message =
        "phone " + chosen->serial +
        " is offline: unplug and reconnect the cable, or toggle USB debugging off and on";
  } else if (chosen->state == "no permissions") {
    pick.error = AdbPickError::kNoPermission;
    pick.message = "no permission to open the USB device of " + chosen->serial +
                   ": install udev rules for Android devices (Debian package "
                   "android-sdk-platform-tools-common)";
  } else {
    pick.error = AdbPickError::kOtherState;
    pick.message = "phone " + chosen->serial + " is in state '" + chosen->state +
                   "', not booted normally: restart it into Android";
  }
  return pick;
}

}  // namespace examready::platform::android
