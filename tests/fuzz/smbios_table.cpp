// Fuzz target: the raw SMBIOS structure table (platform/smbios_table.h), as Linux's
// /sys/firmware/dmi/tables/DMI and, behind the RawSMBIOSData header, as Windows'
// GetSystemFirmwareTable('RSMB') give it, then the machine facts made of it. Input: the bytes,
// read both ways.
#include <cstdint>
#include <map>
#include <span>
#include <string>

#include "platform/dmi_facts.h"
#include "platform/smbios_table.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;

namespace {

void check(const std::map<std::string, std::string>& attributes) {
  for (const auto& [name, value] : attributes) {
    if (name != "sys_vendor" && name != "product_name" && name != "product_version" &&
        name != "board_vendor" && name != "board_name" && name != "chassis_type") {
      fuzz::invariant_failed("SMBIOS attribute outside the sysfs names", name);
    }
    // Strings end at a NUL and are trimmed; an empty one is left out.
    if (value.empty() || value.find('\0') != std::string::npos || value.front() == ' ' ||
        value.back() == ' ') {
      fuzz::invariant_failed("SMBIOS string not as sysfs would show it", name);
    }
  }
  if (auto it = attributes.find("chassis_type"); it != attributes.end()) {
    const std::string& type = it->second;
    if (type.size() > 3 || type.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(type) > 127) {
      fuzz::invariant_failed("chassis type outside 0..127", type);
    }
  }
  const platform::MachineFacts facts = platform::dmi_facts(attributes);
  if (facts.device_class && facts.device_class->empty())
    fuzz::invariant_failed("SMBIOS facts with an empty class");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);
  check(platform::smbios_attributes(bytes));
  check(platform::smbios_attributes_from_raw(bytes));
  return 0;
}
