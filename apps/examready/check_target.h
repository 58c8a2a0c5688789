// The device a `check` judges: this machine, a phone over adb, an iPhone over
// libimobiledevice, or pasted getprop text (platform/phone_discovery.h). Only the Host and
// the transport differ.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "core/check_result.h"
#include "platform/host.h"

namespace examready::app {

// The device is attached but cannot be measured now (unauthorised, offline, adb or
// libimobiledevice missing): the run is incomplete (exit 3), not a usage error.
struct DeviceUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Target {
  std::unique_ptr<platform::Host> host;
  core::Transport transport = core::Transport::kInvalid;
  std::string platform;   // report host.platform: "linux-x86_64", "android", "ios"
  std::string device_id;  // salted hash of the machine id, serial or UDID; empty when none
};

// At most one of the phone forms is set (CLI11 enforces it). Throws UsageError (no phone,
// several, an unknown serial), DeviceUnavailable, or InvalidInputError (pasted text that
// holds no properties).
struct TargetChoice {
  bool android = false, ios = false;
  std::string android_serial, ios_udid;
  std::string getprop_file;  // FILE or "-"
};
Target open_target(const TargetChoice& choice);

}  // namespace examready::app
