// Platform name and machine id on Windows: the native architecture and the MachineGuid that
// Windows setup writes (per installation, like /etc/machine-id).
#include "platform/host_identity.h"

#include "core/text.h"
#include "platform/windows/registry.h"
#include "platform/windows/windows_version.h"

namespace examready::platform {

std::string local_platform_name(Host& /*local machine only*/) {
  return "windows-" + windows::native_architecture();
}

std::string local_machine_id(Host& /*local machine only*/) {
  const auto guid = windows::registry_string(windows::Hive::kLocalMachine,
                                             L"SOFTWARE\\Microsoft\\Cryptography", L"MachineGuid");
  return guid ? std::string(core::text::trim(*guid)) : std::string();
}

}  // namespace examready::platform
