// Opening the device a `check` judges, with platform errors turned into the CLI's.
#include "apps/examready/check_target.h"

#include <cstdio>

#include "apps/examready/commands.h"
#include "apps/examready/io.h"
#include "core/text.h"
#include "platform/files.h"
#include "platform/host_identity.h"
#include "platform/local_host.h"
#include "platform/phone_discovery.h"
#include "reports/ids.h"

namespace examready::app {
namespace {

// The salt of this installation's device ids, made on first use and kept in the state
// directory; without it (a read-only home) reports carry no device id rather than a weak one.
std::string installation_secret() {
  static const std::string secret = [] {
    std::string error;
    const auto text = platform::read_or_create_file(
        platform::state_directory() / "device-id-secret",
        [] { return reports::new_installation_secret() + "\n"; }, error);
    if (!text) {
      std::fprintf(stderr, "examready: no device id in this report: %s\n", error.c_str());
      return std::string();
    }
    return std::string(core::text::trim(*text));
  }();
  return secret;
}

std::string device_id_of(const std::string& stable_id) {
  if (stable_id.empty()) return {};
  const std::string secret = installation_secret();
  return secret.empty() ? std::string() : reports::device_id_hash(stable_id, secret);
}

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
  t.device_id = device_id_of(c.stable_id);
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
  t.device_id = device_id_of(platform::local_machine_id(*t.host));
  return t;
}

}  // namespace examready::app
