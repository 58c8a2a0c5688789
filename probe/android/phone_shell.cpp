// Shared plumbing of the phone checks (see phone_shell.h).
#include "probe/android/phone_shell.h"

#include "platform/android/adb_host.h"
#include "platform/android/shell_text.h"

namespace examready::probe::android {

Outcome not_on_this_transport(Transport t, std::string_view what) {
  switch (t) {
    case Transport::kGetpropText:
      return Outcome::unsupported("pasted getprop text carries only device and OS facts, not " + std::string(what));
    case Transport::kIos:
      return Outcome::unsupported("iOS does not expose " + std::string(what) + " to a computer");
    case Transport::kLocal:
      return Outcome::unsupported(std::string(what) + " is measured on phones (--android, --ios)");
    default:
      return Outcome::unsupported(std::string(what) + " cannot be measured over this transport");
  }
}

std::optional<std::string> shell(CheckContext& ctx, const std::vector<std::string>& argv, Outcome& failure,
                                 std::chrono::milliseconds timeout) {
  platform::CommandResult r = ctx.host().run_command(argv, timeout);
  if (r.ok()) return std::move(r.out);
  std::string what;
  for (const auto& a : argv) what += (what.empty() ? "" : " ") + a;
  const std::string message = platform::android::describe_adb_failure(r, what);
  failure = platform::android::is_permission_denied(r) ? Outcome::denied(message) : Outcome::error(message);
  return std::nullopt;
}

std::optional<platform::android::PropertyMap> read_props(CheckContext& ctx, Outcome& failure) {
  auto out = shell(ctx, {"getprop"}, failure);
  if (!out) return std::nullopt;
  auto props = platform::android::parse_getprop(*out);
  if (props.empty()) {
    failure = Outcome::error("getprop gave no properties (not getprop output?)");
    return std::nullopt;
  }
  return props;
}

std::optional<std::string> setting(CheckContext& ctx, const char* ns, const char* key, Outcome& failure,
                                   bool& failed) {
  auto out = shell(ctx, {"settings", "get", ns, key}, failure);
  if (!out) {
    failed = true;
    return std::nullopt;
  }
  return platform::android::parse_setting(*out);
}

std::string source(const CheckContext& ctx, std::string_view command) {
  return std::string(to_string(ctx.options().transport)) + ":" + std::string(command);
}

}  // namespace examready::probe::android
