// IosHost: ideviceinfo calls pinned to one UDID, each bounded by its timeout.
#include "platform/ios/ios_host.h"

#include "platform/command.h"

namespace examready::platform::ios {

CommandResult IosHost::run_command(const std::vector<std::string>& argv, std::chrono::milliseconds timeout) {
  if (argv.empty() || argv[0] != "ideviceinfo") return {};
  std::vector<std::string> full{argv[0], "-u", udid_};
  full.insert(full.end(), argv.begin() + 1, argv.end());
  return run_process(full, timeout);
}

}  // namespace examready::platform::ios
