// Opening the device a `check` judges, with platform errors turned into the CLI's.
#include "apps/examready/check_target.h"

#include "apps/examready/commands.h"
#include "apps/examready/io.h"
#include "platform/host_identity.h"
#include "platform/local_host.h"
#include "platform/phone_discovery.h"
#include "reports/ids.h"

namespace examready::app {
namespace {

Target from_connection(platform::PhoneConnection c) {
  switch (c.error) {
    case platform::PhoneError::kNone:
      break;
    case platform::PhoneError::kUsage:
      throw UsageError(c.message);
    case platform::PhoneError::kUnavailable:
      throw DeviceUnavailable(c.message);
    case platform::PhoneError::kInvalidInput:
      throw InvalidInputError(c.message);
  }
  Target t;
  t.host = std::move(c.host);
  t.transport = c.transport;
  t.platform = c.platform;
  if (!c.stable_id.empty()) t.device_id = reports::device_id_hash(c.stable_id);
  return t;
}

}  // namespace

Target open_target(const TargetChoice& choice) {
  if (choice.android) return from_connection(platform::connect_android(choice.android_serial));
  if (choice.ios) return from_connection(platform::connect_ios(choice.ios_udid));
  if (!choice.getprop_file.empty()) {
    const std::string origin = choice.getprop_file == "-" ? "stdin" : choice.getprop_file;
    return from_connection(
        platform::open_getprop_text(read_input_file(choice.getprop_file), origin));
  }
  Target t;
  t.host = std::make_unique<platform::LocalHost>();
  t.transport = core::Transport::kLocal;
  t.platform = platform::local_platform_name(*t.host);
  if (auto id = platform::local_machine_id(*t.host); !id.empty()) {
    t.device_id = reports::device_id_hash(id);
  }
  return t;
}

}  // namespace examready::app
