// What the computer examready runs on is, for the local `device` check: vendor, model and
// device class, read the way the OS keeps them (Linux: the DMI tables in sysfs,
// platform/linux/dmi.cpp; Windows: the raw SMBIOS table, platform/windows/machine_facts.cpp;
// both through platform/dmi_facts.h). Serial numbers and UUIDs are never read.
#pragma once

#include <optional>
#include <string>

#include "platform/host.h"

namespace examready::platform {

struct MachineFacts {
  std::string vendor;  // empty when the firmware left a placeholder
  std::string brand;   // normalised lower-case brand ("lenovo", "dell", "hp", "asus")
  std::string model;
  std::optional<std::string> device_class;  // laptop, desktop or tablet; absent when unknown
  std::string source;        // "dmi" (Linux sysfs), "smbios" (Windows)
  std::string class_source;  // "dmi-chassis", "smbios-chassis"
};

// nullopt when the OS has no such tables (a container, a machine without SMBIOS).
std::optional<MachineFacts> read_machine_facts(Host& host);

}  // namespace examready::platform
