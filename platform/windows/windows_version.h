// Windows' own version, shared by the os check, uname() and the platform name.
#pragma once

#include <optional>
#include <string>

namespace examready::platform::windows {

struct NtVersion {
  unsigned long major = 0, minor = 0, build = 0;
};

// ntdll's RtlGetVersion: the real version whatever the program's manifest says.
std::optional<NtVersion> rtl_version();
// x86_64, arm64 or x86: the machine's, also for an emulated process.
std::string native_architecture();
// The edition's name: the registry's ProductName, which still says "Windows 10" on
// Windows 11 (build 22000 and later), corrected, without a leading "Microsoft "; "Windows"
// when the registry says nothing.
std::string product_name(const std::string& registry_product_name, unsigned long build);

}  // namespace examready::platform::windows
