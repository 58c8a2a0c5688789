// The `device` check on a PC: vendor, model and class from the DMI tables.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "probe/check.h"

namespace examready::probe {

// SMBIOS chassis type (a decimal number as sysfs shows it) -> phone/tablet/laptop/desktop,
// or "unknown" for servers, VMs ("Other") and values we cannot classify.
std::string device_class_from_chassis(std::string_view chassis_type);

struct DmiFacts {
  std::string vendor;  // empty when the firmware left a placeholder
  std::string brand;   // normalised lower-case brand ("lenovo", "dell", "hp", "asus")
  std::string model;
  std::string device_class;
};
DmiFacts dmi_facts(const std::map<std::string, std::string>& dmi);

Outcome run_device_check(CheckContext& ctx);

}  // namespace examready::probe
