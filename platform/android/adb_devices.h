// `adb devices -l` parsing and choosing the phone to check.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace examready::platform::android {

struct AdbDevice {
  std::string serial;
  std::string state;  // device, unauthorized, offline, recovery, sideload, no permissions…
  std::string model;  // "model:" field of -l (underscores for spaces), may be empty
};

std::vector<AdbDevice> parse_adb_devices(std::string_view text);

enum class AdbPickError { kNone, kNoDevice, kSeveral, kNotFound, kUnauthorized, kOffline, kNoPermission, kOtherState };

struct AdbPick {
  std::optional<AdbDevice> device;
  AdbPickError error = AdbPickError::kNone;
  std::string message;  // what went wrong and how to fix it (English; the CLI prints it)
};

// `requested` empty: exactly one attached device must exist.
AdbPick pick_adb_device(const std::vector<AdbDevice>& devices, std::string_view requested);

}  // namespace examready::platform::android
