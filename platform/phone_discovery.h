// Finding the phone a `check --android/--ios/--from-getprop` judges and opening its Host:
// adb's and libimobiledevice's device lists, one lockdown query up front, or pasted getprop
// text. Every external call is bounded.
#pragma once

#include <memory>
#include <string>

#include "core/check_result.h"
#include "platform/host.h"

namespace examready::platform {

enum class PhoneError {
  kNone,
  kUsage,        // no phone, several phones, an unknown serial: the user must say which
  kUnavailable,  // attached but not measurable now: unauthorised, offline, tools missing
  kInvalidInput, // pasted text that holds no properties
};

struct PhoneConnection {
  PhoneError error = PhoneError::kNone;
  std::string message;  // why, when error is set
  std::unique_ptr<Host> host;
  core::Transport transport = core::Transport::kInvalid;
  std::string platform;   // the report's host.platform: "android", "ios"
  std::string stable_id;  // serial or UDID, raw: the caller hashes it; empty when unknown
};

// `serial` empty: the one attached phone.
PhoneConnection connect_android(const std::string& serial);
PhoneConnection connect_ios(const std::string& udid);
// `text`: a `getprop` dump; `origin` names it in messages (a file name, "stdin").
PhoneConnection open_getprop_text(std::string text, const std::string& origin);

}  // namespace examready::platform
