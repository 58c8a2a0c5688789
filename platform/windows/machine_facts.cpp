// The machine facts on Windows: the raw SMBIOS table from GetSystemFirmwareTable('RSMB'), read
// by the same parser and tables as Linux's DMI (platform/smbios_table.h, platform/dmi_facts.h).
// Not WMI: Win32_ComputerSystem costs COM, a WMI service round trip and seconds on a cold
// machine, and reads the same table.
#include <windows.h>

#include <cstdint>
#include <vector>

#include "platform/dmi_facts.h"
#include "platform/machine_facts.h"
#include "platform/smbios_table.h"

namespace examready::platform {
namespace {

// 'RSMB' as the API wants it, without a multi-character literal (-Wmultichar).
constexpr DWORD kRawSmbiosProvider = DWORD{'R'} << 24 | DWORD{'S'} << 16 | DWORD{'M'} << 8 | 'B';

// The RawSMBIOSData block; empty when the firmware has no SMBIOS or the call fails.
std::vector<std::uint8_t> raw_smbios_data() {
  // The table can change size between the two calls (it does not in practice, but a retry
  // costs nothing): ask again when the second call wants more than the first said.
  for (int attempt = 0; attempt < 3; ++attempt) {
    const UINT size = ::GetSystemFirmwareTable(kRawSmbiosProvider, 0, nullptr, 0);
    if (size == 0) return {};
    std::vector<std::uint8_t> data(size);
    const UINT written = ::GetSystemFirmwareTable(kRawSmbiosProvider, 0, data.data(), size);
    if (written == 0) return {};
    if (written <= size) {
      data.resize(written);
      return data;
    }
  }
  return {};
}

}  // namespace

std::optional<MachineFacts> read_machine_facts(Host& /*local machine only*/) {
  const auto attributes = smbios_attributes_from_raw(raw_smbios_data());
  // As on Linux, a table with none of the attributes is no table. Wine synthesizes one (from
  // the host's /sys/class/dmi/id); without host DMI it holds only chassis type 2, "Unknown",
  // which gives facts with no vendor, model or class, as a VM's "Other" chassis does on Linux.
  if (attributes.empty()) return std::nullopt;
  MachineFacts facts = dmi_facts(attributes);
  facts.source = "smbios";
  facts.class_source = "smbios-chassis";
  return facts;
}

}  // namespace examready::platform
