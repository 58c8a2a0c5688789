// A Host that reaches an iPhone through the libimobiledevice command-line tools. Only
// `ideviceinfo` is answered (with -u UDID added); iOS exposes no shell.
#pragma once

#include <string>

#include "platform/host.h"

namespace examready::platform::ios {

class IosHost final : public Host {
 public:
  explicit IosHost(std::string udid) : udid_(std::move(udid)) {}

  CommandResult run_command(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) override;
  std::optional<std::string> read_file(const std::string&) override { return std::nullopt; }
  std::vector<std::string> list_dir(const std::string&) override { return {}; }
  VolumeResult volume_stats(const std::string& path) override {
    return {std::nullopt, 0, "iOS volume statistics come from com.apple.disk_usage, not " + path};
  }
  std::optional<UnameInfo> uname() override { return std::nullopt; }

 private:
  std::string udid_;
};

}  // namespace examready::platform::ios
