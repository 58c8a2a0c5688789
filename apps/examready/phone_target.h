// Choosing the device a `check` judges: this machine, a phone over adb, an iPhone over
// libimobiledevice, or pasted getprop text. Only the Host and the transport differ.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "platform/host.h"
#include "probe/check.h"

namespace examready::app {

// The device is attached but cannot be measured now (unauthorised, offline, adb or
// libimobiledevice missing): the run is incomplete (exit 3), not a usage error.
struct DeviceUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Target {
  std::unique_ptr<platform::Host> host;
  core::Transport transport = core::Transport::kInvalid;
  std::string platform;   // report host.platform: "android", "ios"
  std::string device_id;  // salted hash of the serial/UDID; empty when none is known
};

// `serial` empty: the one attached phone. Throws UsageError (no phone, several phones,
// unknown serial) or DeviceUnavailable (unauthorised, offline, adb missing).
Target open_android(const std::string& serial);
Target open_ios(const std::string& udid);
// FILE or "-" for stdin. Throws InvalidInputError when the text holds no properties.
Target open_getprop_text(const std::string& path);

}  // namespace examready::app
