// Facts about the machine examready runs on that go into a report's `host` block.
#pragma once

#include <string>

#include "platform/host.h"

namespace examready::platform {

// "linux-x86_64": OS and architecture only, never a host name.
std::string local_platform_name(Host& host);

// The raw stable id of this machine (Linux: /etc/machine-id); empty if there is none.
// Callers must hash it (reports::device_id_hash) before it goes anywhere.
std::string local_machine_id(Host& host);

}  // namespace examready::platform
