// Phone discovery over adb and libimobiledevice, and pasted getprop text (phone_discovery.h).
#include "platform/phone_discovery.h"

#include "core/text.h"
#include "platform/android/adb_devices.h"
#include "platform/android/adb_host.h"
#include "platform/android/getprop.h"
#include "platform/android/getprop_text_host.h"
#include "platform/command.h"
#include "platform/ios/ideviceinfo.h"
#include "platform/ios/ios_host.h"

namespace examready::platform {
namespace {

namespace pa = android;
// What to install when adb cannot be started: Debian packages it; on Windows it comes with
// Google's SDK Platform-Tools, unpacked anywhere.
#ifdef _WIN32
constexpr std::string_view kAdbMissing =
    "adb.exe was not found: unpack Android SDK Platform-Tools and add its folder to PATH";
#else
constexpr std::string_view kAdbMissing = "adb is not installed (Debian package adb)";
#endif
// Starting the adb server on first use takes a few seconds.
constexpr std::chrono::milliseconds kDiscoveryTimeout{15000};

PhoneConnection failure(PhoneError error, std::string message) {
  PhoneConnection c;
  c.error = error;
  c.message = std::move(message);
  return c;
}

// The one attached iPhone, or why there is none to pick.
PhoneConnection pick_iphone() {
  CommandResult r = run_process({"idevice_id", "-l"}, kDiscoveryTimeout);
  const auto ids = ios::parse_idevice_ids(r.out);
  if (!r.started || r.timed_out) {
    return failure(PhoneError::kUnavailable,
                   ios::describe_ios_failure(r.out, r.err, r.timed_out, r.started));
  }
  if (ids.empty()) {
    return failure(PhoneError::kUsage,
                   "no iPhone found: connect it with a cable, unlock it and tap \"Trust\" "
                   "(usbmuxd must be running)");
  }
  if (ids.size() > 1) {
    std::string message = "several iPhones are attached; name one with --ios UDID:";
    for (const auto& id : ids) message += "\n  " + id;
    return failure(PhoneError::kUsage, message);
  }
  PhoneConnection c;
  c.stable_id = ids.front();
  return c;
}

}  // namespace

PhoneConnection connect_android(const std::string& serial) {
  CommandResult r = run_process({"adb", "devices", "-l"}, kDiscoveryTimeout);
  if (!r.started) return failure(PhoneError::kUnavailable, std::string(kAdbMissing));
  if (r.timed_out) {
    return failure(PhoneError::kUnavailable,
                   "`adb devices` did not answer in time; try `adb kill-server`");
  }
  if (r.exit_code != 0) return failure(PhoneError::kUnavailable, "`adb devices` failed: " + r.err);
  pa::AdbPick pick = pa::pick_adb_device(pa::parse_adb_devices(r.out), serial);
  switch (pick.error) {
    case pa::AdbPickError::kNone:
      break;
    case pa::AdbPickError::kNoDevice:
    case pa::AdbPickError::kSeveral:
    case pa::AdbPickError::kNotFound:
      return failure(PhoneError::kUsage, pick.message);
    default:
      return failure(PhoneError::kUnavailable, pick.message);
  }
  PhoneConnection c;
  c.host = std::make_unique<pa::AdbHost>(pick.device->serial);
  c.transport = core::Transport::kAdb;
  c.platform = "android";
  c.stable_id = pick.device->serial;
  return c;
}

PhoneConnection connect_ios(const std::string& udid) {
  PhoneConnection c;
  c.stable_id = udid;
  if (c.stable_id.empty()) {
    c = pick_iphone();
    if (c.error != PhoneError::kNone) return c;
  }
  // One lockdown query up front turns "not paired" into a clear message instead of four
  // identical check errors.
  ios::IosHost probe_host(c.stable_id);
  CommandResult r = probe_host.run_command({"ideviceinfo", "-k", "ProductVersion"}, kDiscoveryTimeout);
  if (!r.ok() || r.out.rfind("ERROR", 0) == 0) {
    std::string message = ios::describe_ios_failure(r.out, r.err, r.timed_out, r.started);
    const bool absent = message.rfind("no iPhone", 0) == 0;
    return failure(absent ? PhoneError::kUsage : PhoneError::kUnavailable, message);
  }
  c.host = std::make_unique<ios::IosHost>(c.stable_id);
  c.transport = core::Transport::kIos;
  c.platform = "ios";
  return c;
}

PhoneConnection open_getprop_text(std::string text, const std::string& origin) {
  std::vector<pa::RepeatedProperty> repeated;
  const pa::PropertyMap props = pa::parse_getprop(text, &repeated);
  if (props.empty()) {
    return failure(PhoneError::kInvalidInput,
                   origin + ": no properties found (expected `getprop` output: [key]: [value] lines)");
  }
  // Two dumps pasted one after the other would be judged as one device made of both.
  if (const pa::RepeatedProperty* twice = pa::second_device(repeated)) {
    const auto shown = [](const std::string& value) { return core::text::cut_utf8(value, 64); };
    return failure(PhoneError::kInvalidInput,
                   origin + ": the text holds two devices' properties: " + twice->key + " is [" +
                       shown(twice->first_value) + "] on line " +
                       std::to_string(twice->first_line) + " and [" + shown(twice->later_value) +
                       "] on line " + std::to_string(twice->later_line) +
                       " (paste one phone's getprop)");
  }
  PhoneConnection c;
  c.transport = core::Transport::kGetpropText;
  c.platform = "android";
  c.stable_id = pa::prop(props, "ro.serialno");
  if (c.stable_id.empty()) c.stable_id = pa::prop(props, "ro.boot.serialno");
  c.host = std::make_unique<pa::GetpropTextHost>(std::move(text));
  return c;
}

}  // namespace examready::platform
