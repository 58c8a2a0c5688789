// The machine facts on Linux, from the DMI attributes in /sys/class/dmi/id.
#include "platform/dmi_facts.h"
#include "platform/machine_facts.h"
#include "platform/sysfs.h"

namespace examready::platform {
namespace {

constexpr const char* kDmiDir = "/sys/class/dmi/id";

}  // namespace

std::optional<MachineFacts> read_machine_facts(Host& host) {
  const auto dmi = read_attributes(host, kDmiDir,
                                   {"sys_vendor", "board_vendor", "product_name", "product_version",
                                    "board_name", "chassis_type"});
  if (dmi.empty()) return std::nullopt;
  return dmi_facts(dmi);
}

}  // namespace examready::platform
