// Facts about the machine the probe runs on that go into a report's `host` block.
#pragma once

#include <string>

#include "platform/host.h"

namespace examready::probe {

// "linux-x86_64": OS and architecture only, never a host name.
std::string local_platform_name(platform::Host& host);

// The raw stable id of this machine (/etc/machine-id); empty if there is none.
// Callers must hash it (reports::device_id_hash) before it goes anywhere.
std::string local_machine_id(platform::Host& host);

}  // namespace examready::probe
