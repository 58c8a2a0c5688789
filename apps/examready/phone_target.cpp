// Device discovery for the phone transports; every external call is bounded.
#include "apps/examready/phone_target.h"

#include "apps/examready/commands.h"
#include "apps/examready/io.h"
#include "platform/android/adb_devices.h"
#include "platform/android/adb_host.h"
#include "platform/android/getprop.h"
#include "platform/android/getprop_text_host.h"
#include "platform/command.h"
#include "platform/ios/ideviceinfo.h"
#include "platform/ios/ios_host.h"
#include "reports/ids.h"

namespace examready::app {
namespace {

namespace pa = platform::android;
// Starting the adb server on first use takes a few seconds.
constexpr std::chrono::milliseconds kDiscoveryTimeout{15000};

}  // namespace

Target open_android(const std::string& serial) {
  platform::CommandResult r = platform::run_process({"adb", "devices", "-l"}, kDiscoveryTimeout);
  if (!r.started) throw DeviceUnavailable("adb is not installed (Debian package adb)");
  if (r.timed_out)
    throw DeviceUnavailable("`adb devices` did not answer in time; try `adb kill-server`");
  if (r.exit_code != 0) throw DeviceUnavailable("`adb devices` failed: " + r.err);
  pa::AdbPick pick = pa::pick_adb_device(pa::parse_adb_devices(r.out), serial);
  switch (pick.error) {
    case pa::AdbPickError::kNone:
      break;
    case pa::AdbPickError::kNoDevice:
    case pa::AdbPickError::kSeveral:
    case pa::AdbPickError::kNotFound:
      throw UsageError(pick.message);
    default:
      throw DeviceUnavailable(pick.message);
  }
  Target t;
  t.host = std::make_unique<pa::AdbHost>(pick.device->serial);
  t.transport = core::Transport::kAdb;
  t.platform = "android";
  t.device_id = reports::device_id_hash(pick.device->serial);
  return t;
}

Target open_ios(const std::string& udid) {
  std::string chosen = udid;
  if (chosen.empty()) {
    platform::CommandResult r = platform::run_process({"idevice_id", "-l"}, kDiscoveryTimeout);
    const auto ids = platform::ios::parse_idevice_ids(r.out);
    if (!r.started || r.timed_out) {
      throw DeviceUnavailable(
          platform::ios::describe_ios_failure(r.out, r.err, r.timed_out, r.started));
    }
    if (ids.empty()) {
      throw UsageError(
          "no iPhone found: connect it with a cable, unlock it and tap \"Trust\" (usbmuxd must be "
          "running)");
    }
    if (ids.size() > 1) {
      std::string message = "several iPhones are attached; name one with --ios UDID:";
      for (const auto& id : ids) message += "\n  " + id;
      throw UsageError(message);
    }
    chosen = ids.front();
  }
  // One lockdown query up front turns "not paired" into a clear message instead of four
  // identical check errors.
  platform::ios::IosHost probe_host(chosen);
  platform::CommandResult r =
      probe_host.run_command({"ideviceinfo", "-k", "ProductVersion"}, kDiscoveryTimeout);
  if (!r.ok() || r.out.rfind("ERROR", 0) == 0) {
    std::string message = platform::ios::describe_ios_failure(r.out, r.err, r.timed_out, r.started);
    if (message.rfind("no iPhone", 0) == 0) throw UsageError(message);
    throw DeviceUnavailable(message);
  }
  Target t;
  t.host = std::make_unique<platform::ios::IosHost>(chosen);
  t.transport = core::Transport::kIos;
  t.platform = "ios";
  t.device_id = reports::device_id_hash(chosen);
  return t;
}

Target open_getprop_text(const std::string& path) {
  std::string text = read_input_file(path);
  const pa::PropertyMap props = pa::parse_getprop(text);
  if (props.empty()) {
    throw InvalidInputError(
        (path == "-" ? std::string("stdin") : path) +
        ": no properties found (expected `getprop` output: [key]: [value] lines)");
  }
  Target t;
  t.transport = core::Transport::kGetpropText;
  t.platform = "android";
  std::string serial = pa::prop(props, "ro.serialno");
  if (serial.empty()) serial = pa::prop(props, "ro.boot.serialno");
  if (!serial.empty()) t.device_id = reports::device_id_hash(serial);
  t.host = std::make_unique<pa::GetpropTextHost>(std::move(text));
  return t;
}

}  // namespace examready::app
