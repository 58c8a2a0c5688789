// The DMI attributes Linux shows in /sys/class/dmi/id, read from a raw SMBIOS structure table
// instead: the form Windows gives (GetSystemFirmwareTable 'RSMB') and Linux's
// /sys/firmware/dmi/tables/DMI. Pure and bounds-checked: the bytes come from firmware.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>

namespace examready::platform {

// sys_vendor, product_name, product_version (type 1), board_vendor, board_name (type 2) and
// chassis_type (type 3, its low 7 bits in decimal) from the bare structure table, trimmed as
// the sysfs reader trims. As in Linux, the first structure long enough to hold a field decides
// it, and the walk stops at the end-of-table structure (type 127). Strings that are absent or
// empty are left out (sysfs shows an empty file; dmi_facts treats the two alike). A structure
// shorter than its header, or whose strings run off the table, ends the walk: nothing after it
// can be located.
std::map<std::string, std::string> smbios_attributes(std::span<const std::uint8_t> table);

// The same from what GetSystemFirmwareTable('RSMB', 0, …) returns: the RawSMBIOSData header
// (calling method, major, minor and DMI revision bytes, then the table's length as a
// little-endian DWORD) followed by the table. A length past the data given is cut to it.
std::map<std::string, std::string> smbios_attributes_from_raw(std::span<const std::uint8_t> raw);

}  // namespace examready::platform
