// The Host for the machine the probe runs on.
#pragma once

#include "platform/host.h"

namespace examready::platform {

class LocalHost final : public Host {
 public:
  std::optional<std::string> read_file(const std::string& path) override;
  std::vector<std::string> list_dir(const std::string& path) override;
  CommandResult run_command(const std::vector<std::string>& argv,
                            std::chrono::milliseconds timeout) override;
  VolumeResult volume_stats(const std::string& path) override;
  std::optional<UnameInfo> uname() override;
};

}  // namespace examready::platform
