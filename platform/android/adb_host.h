// A Host that reaches an Android/HarmonyOS phone through `adb -s SERIAL shell`. An
// on-device build replaces it with a Host that runs the same commands locally.
#pragma once

#include <string>

#include "platform/host.h"

namespace examready::platform::android {

class AdbHost final : public Host {
 public:
  // `adb` is looked up on PATH unless `adb_program` names another executable.
  explicit AdbHost(std::string serial, std::string adb_program = "adb");

  // Runs argv on the phone (quoted for the phone's sh); the timeout bounds the whole
  // adb call, so a wedged USB link costs at most that long.
  CommandResult run_command(const std::vector<std::string>& argv,
                            std::chrono::milliseconds timeout) override;
  // `cat PATH`; nullopt when it fails (missing, permission) or times out.
  std::optional<std::string> read_file(const std::string& path) override;
  std::vector<std::string> list_dir(const std::string& path) override;
  // `stat -f` of the path, falling back to `df -k` on builds without toybox stat.
  VolumeResult volume_stats(const std::string& path) override;
  std::optional<UnameInfo> uname() override;

 private:
  std::string serial_;
  std::string adb_;
};

// Single-quotes an argument for the phone's /system/bin/sh.
std::string shell_quote(const std::string& arg);

// A readable reason for a failed adb call: timeout, adb missing, device gone, unauthorised,
// permission denied, or the first line of stderr.
std::string describe_adb_failure(const CommandResult& result, const std::string& what);
// The failure means the phone itself refused (permission), not that the link broke.
bool is_permission_denied(const CommandResult& result);
// The link failed rather than the command on the phone: adb missing, no answer in time, the
// phone gone, unauthorised or offline. Another command would fare no better.
bool is_link_failure(const CommandResult& result);

}  // namespace examready::platform::android
