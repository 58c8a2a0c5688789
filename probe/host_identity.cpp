// Local platform name and machine id (hashed by the caller).
#include "probe/host_identity.h"

#include <algorithm>
#include <cctype>

#include "platform/sysfs.h"

namespace examready::probe {

std::string local_platform_name(platform::Host& host) {
  std::string name = "linux";
  if (auto u = host.uname()) {
    std::string machine = u->machine;
    std::transform(machine.begin(), machine.end(), machine.begin(),
                   [](unsigned char c) { return std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '_'; });
    name += "-" + machine;
  }
  return name;
}

std::string local_machine_id(platform::Host& host) {
  for (const char* path : {"/etc/machine-id", "/var/lib/dbus/machine-id"}) {
    if (auto id = host.read_file(path)) {
      std::string trimmed = platform::trim(*id);
      if (!trimmed.empty()) return trimmed;
    }
  }
  return {};
}

}  // namespace examready::probe
