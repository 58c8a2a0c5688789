// A Host over pasted `getprop` text: it answers `getprop` and nothing else, so the
// device and OS checks run unchanged and every other check finds nothing to measure.
#pragma once

#include <string>

#include "platform/host.h"

namespace examready::platform::android {

class GetpropTextHost final : public Host {
 public:
  explicit GetpropTextHost(std::string getprop_text) : text_(std::move(getprop_text)) {}

  CommandResult run_command(const std::vector<std::string>& argv, std::chrono::milliseconds) override {
    CommandResult r;
    if (argv.size() == 1 && argv[0] == "getprop") {
      r.started = true;
      r.exit_code = 0;
      r.out = text_;
    }
    return r;  // anything else: "could not be run"
  }
  std::optional<std::string> read_file(const std::string&) override { return std::nullopt; }
  std::vector<std::string> list_dir(const std::string&) override { return {}; }
  VolumeResult volume_stats(const std::string& path) override {
    return {std::nullopt, 0, "pasted getprop text has no volume statistics for " + path};
  }
  std::optional<UnameInfo> uname() override { return std::nullopt; }

 private:
  std::string text_;
};

}  // namespace examready::platform::android
