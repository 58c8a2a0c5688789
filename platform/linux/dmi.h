// DMI (SMBIOS) attributes as Linux shows them in /sys/class/dmi/id: the pure part of the
// machine facts (platform/machine_facts.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "platform/machine_facts.h"

namespace examready::platform {

// SMBIOS chassis type (a decimal number as sysfs shows it) -> laptop/tablet/desktop;
// nullopt for servers, VMs ("Other") and values that name no such class.
std::optional<std::string> device_class_from_chassis(std::string_view chassis_type);

// The facts in the attributes (sys_vendor, product_name, chassis_type…).
MachineFacts dmi_facts(const std::map<std::string, std::string>& dmi);

}  // namespace examready::platform
