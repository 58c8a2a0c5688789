// DMI (SMBIOS) attributes named as Linux shows them in /sys/class/dmi/id, turned into the
// machine facts (platform/machine_facts.h). Pure: Linux reads the attributes from sysfs
// (platform/linux/dmi.cpp), Windows from the raw SMBIOS table (platform/smbios_table.h).
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

// The facts in the attributes (sys_vendor, product_name, chassis_type…), with source "dmi"
// and class_source "dmi-chassis"; a caller that read them elsewhere names its own source.
MachineFacts dmi_facts(const std::map<std::string, std::string>& dmi);

}  // namespace examready::platform
