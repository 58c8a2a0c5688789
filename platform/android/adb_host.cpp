// AdbHost: every call is one bounded `adb -s SERIAL shell` process.
#include "platform/android/adb_host.h"

#include <algorithm>
#include <cerrno>

#include "platform/android/shell_text.h"
#include "core/text.h"
#include "platform/command.h"

namespace examready::platform::android {

namespace text = core::text;
namespace {

constexpr std::chrono::milliseconds kFileTimeout{4000};

using core::text::contains;

}  // namespace

std::string shell_quote(const std::string& arg) {
  if (!arg.empty() &&
      arg.find_first_not_of(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=,") ==
          std::string::npos) {
    return arg;
  }
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

AdbHost::AdbHost(std::string serial, std::string adb_program)
    : serial_(std::move(serial)), adb_(std::move(adb_program)) {}

CommandResult AdbHost::run_command(const std::vector<std::string>& argv,
                                   std::chrono::milliseconds timeout) {
  std::string command;
  for (const auto& arg : argv) command += (command.empty() ? "" : " ") + shell_quote(arg);
  // One argument: adb would join several with spaces anyway and lose our quoting.
  return run_process({adb_, "-s", serial_, "shell", command}, timeout);
}

std::optional<std::string> AdbHost::read_file(const std::string& path) {
  CommandResult r = run_command({"cat", path}, kFileTimeout);
  if (!r.ok()) return std::nullopt;
  return std::move(r.out);
}

std::vector<std::string> AdbHost::list_dir(const std::string& path) {
  CommandResult r = run_command({"ls", "-1", path}, kFileTimeout);
  std::vector<std::string> names;
  if (!r.ok()) return names;
  for (auto line : text::lines(r.out)) {
    auto name = text::trim(line);
    if (!name.empty()) names.emplace_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

VolumeResult AdbHost::volume_stats(const std::string& path) {
  VolumeResult result;
  CommandResult r = run_command({"stat", "-f", "-c", "%S %a %b", path}, kFileTimeout);
  if (r.ok()) {
    if ((result.stats = parse_stat_f(r.out))) return result;
  }
  if (r.started && !r.timed_out && !is_permission_denied(r)) {
    CommandResult df = run_command({"df", "-k", path}, kFileTimeout);
    if (df.ok() && (result.stats = parse_df_k(df.out))) return result;
    if (!df.ok()) r = df;
  }
  result.error_number = is_permission_denied(r) ? EACCES : EIO;
  result.error = r.ok() ? "unrecognised stat/df output for " + path
                        : describe_adb_failure(r, "stat -f " + path);
  return result;
}

std::optional<UnameInfo> AdbHost::uname() {
  CommandResult r = run_command({"uname", "-s", "-r", "-m"}, kFileTimeout);
  if (!r.ok()) return std::nullopt;
  const auto f = text::fields(text::trim(r.out));
  if (f.size() != 3) return std::nullopt;
  return UnameInfo{std::string(f[0]), std::string(f[1]), {}, std::string(f[2])};
}

bool is_permission_denied(const CommandResult& result) {
  return result.started && !result.timed_out &&
         (contains(result.err, "Permission denied") || contains(result.out, "Permission denied") ||
          contains(result.err, "SecurityException") || contains(result.out, "Permission Denial"));
}

bool is_link_failure(const CommandResult& r) {
  if (!r.started || r.timed_out) return true;
  return (contains(r.err, "not found") && contains(r.err, "device")) ||
         contains(r.err, "no devices/emulators") || contains(r.err, "unauthorized") ||
         contains(r.err, "offline");
}

std::string describe_adb_failure(const CommandResult& r, const std::string& what) {
  if (!r.started) return "could not run adb (install the Debian package adb)";
  if (r.timed_out && r.overflowed) {
    return "'" + what + "' printed more than " + std::to_string(kDefaultMaxOutput >> 20) +
           " MB and did not stop, which no phone answers; is the `adb` on PATH the real one?";
  }
  if (r.timed_out) return "'" + what + "' did not answer in time (phone busy or USB link stalled)";
  if (contains(r.err, "not found") && contains(r.err, "device")) {
    return "the phone disconnected during the check (adb: device not found); reconnect it and run "
           "again";
  }
  if (contains(r.err, "no devices/emulators")) {
    return "the phone disconnected during the check; reconnect it and run again";
  }
  if (contains(r.err, "unauthorized"))
    return "the phone withdrew USB debugging authorisation; accept the prompt on the phone";
  if (contains(r.err, "offline")) return "the phone went offline; reconnect the cable";
  if (is_permission_denied(r)) return "'" + what + "': permission denied on the phone";
  std::string_view first = text::trim(r.err.empty() ? r.out : r.err);
  first = first.substr(0, first.find('\n'));
  return "'" + what + "' failed (exit " + std::to_string(r.exit_code) +
         (first.empty() ? "" : ": " + std::string(first)) + ")";
}

}  // namespace examready::platform::android
