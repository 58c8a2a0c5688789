// Platform name and machine id on Linux: uname's machine and /etc/machine-id.
#include "platform/host_identity.h"

#include "core/text.h"

namespace examready::platform {

std::string local_platform_name(Host& host) {
  std::string name = "linux";
  if (auto u = host.uname()) {
    std::string machine = core::text::lower(u->machine);
    for (char& c : machine) {
      const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum) c = '_';
    }
    name += "-" + machine;
  }
  return name;
}

std::string local_machine_id(Host& host) {
  for (const char* path : {"/etc/machine-id", "/var/lib/dbus/machine-id"}) {
    if (auto id = host.read_file(path)) {
      std::string trimmed(core::text::trim(*id));
      if (!trimmed.empty()) return trimmed;
    }
  }
  return {};
}

}  // namespace examready::platform
