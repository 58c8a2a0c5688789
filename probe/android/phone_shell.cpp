// Shared plumbing of the phone checks (see phone_shell.h).
#include "probe/android/phone_shell.h"

#include "core/text.h"
#include "platform/android/adb_host.h"
#include "platform/android/shell_text.h"

namespace examready::probe::android {

using core::text::contains;

std::optional<std::string> shell(CheckContext& ctx, const std::vector<std::string>& argv,
                                 Outcome& failure, std::chrono::milliseconds timeout) {
  platform::CommandResult r = ctx.host().run_command(argv, timeout);
  if (r.ok()) return std::move(r.out);
  std::string what;
  for (const auto& a : argv) what += (what.empty() ? "" : " ") + a;
  const std::string message = platform::android::describe_adb_failure(r, what);
  failure = platform::android::is_permission_denied(r) ? Outcome::denied(message)
                                                       : Outcome::error(message);
  return std::nullopt;
}

namespace {

std::vector<std::string> with_end_marker(const std::vector<std::string>& argv,
                                         std::string& command) {
  command.clear();
  for (const auto& a : argv)
    command += (command.empty() ? "" : " ") + platform::android::shell_quote(a);
  return {"sh", "-c", command + " && echo " + std::string(kEndMarker)};
}

// The output without its end marker; nullopt (and `failure` set) when the marker is missing.
std::optional<std::string> strip_end_marker(const std::string& out, const std::string& command,
                                            Outcome& failure) {
  std::string_view text = out;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  if (text.size() < kEndMarker.size() ||
      text.substr(text.size() - kEndMarker.size()) != kEndMarker) {
    failure = Outcome::error("'" + command +
                             "' output was cut short (USB link interrupted?); run the check again");
    return std::nullopt;
  }
  text.remove_suffix(kEndMarker.size());
  return std::string(text);
}

}  // namespace

std::optional<std::string> shell_complete(CheckContext& ctx, const std::vector<std::string>& argv,
                                          Outcome& failure, std::chrono::milliseconds timeout) {
  std::string command;
  auto out = shell(ctx, with_end_marker(argv, command), failure, timeout);
  if (!out) return std::nullopt;
  return strip_end_marker(*out, command, failure);
}

std::optional<OptionalDump> optional_dumpsys(CheckContext& ctx, const std::string& service,
                                             Outcome& failure) {
  namespace pa = platform::android;
  std::string command;
  const platform::CommandResult r =
      ctx.host().run_command(with_end_marker({"dumpsys", service}, command), kShellTimeout);
  if (!r.ok() && pa::is_link_failure(r)) {
    failure = Outcome::error(pa::describe_adb_failure(r, command));
    return std::nullopt;
  }
  OptionalDump dump;
  // dumpsys says this on stderr (or, merged, on stdout) and still exits 0.
  if (contains(r.err, "Can't find service") || contains(r.out, "Can't find service")) {
    dump.unavailable = "this phone has no '" + service + "' service";
  } else if (contains(r.out, "Permission Denial")) {
    dump.unavailable = "'" + command + "': permission denied on the phone";
  } else if (!r.ok()) {
    dump.unavailable = pa::describe_adb_failure(r, command);
  } else {
    dump.text = strip_end_marker(r.out, command, failure);
    if (!dump.text) return std::nullopt;
  }
  return dump;
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

std::optional<std::string> setting(CheckContext& ctx, const char* ns, const char* key,
                                   Outcome& failure, bool& failed) {
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
