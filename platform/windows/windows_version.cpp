// RtlGetVersion, GetNativeSystemInfo and the Windows 11 product name.
#include "platform/windows/windows_version.h"

#include <windows.h>

namespace examready::platform::windows {

std::optional<NtVersion> rtl_version() {
  using RtlGetVersionFn = LONG(WINAPI*)(OSVERSIONINFOW*);
  HMODULE ntdll = ::GetModuleHandleW(L"ntdll.dll");
  if (!ntdll) return std::nullopt;
  auto get = reinterpret_cast<RtlGetVersionFn>(
      reinterpret_cast<void*>(::GetProcAddress(ntdll, "RtlGetVersion")));
  OSVERSIONINFOW info{};
  info.dwOSVersionInfoSize = sizeof info;
  if (!get || get(&info) != 0) return std::nullopt;
  return NtVersion{info.dwMajorVersion, info.dwMinorVersion, info.dwBuildNumber};
}

std::string native_architecture() {
  SYSTEM_INFO info{};
  ::GetNativeSystemInfo(&info);
  switch (info.wProcessorArchitecture) {
    case PROCESSOR_ARCHITECTURE_AMD64:
      return "x86_64";
    case PROCESSOR_ARCHITECTURE_ARM64:
      return "arm64";
    case PROCESSOR_ARCHITECTURE_INTEL:
      return "x86";
    default:
      return "unknown";
  }
}

std::string product_name(const std::string& registry_product_name, unsigned long build) {
  std::string name = registry_product_name.empty() ? "Windows" : registry_product_name;
  if (name.rfind("Microsoft ", 0) == 0) name.erase(0, 10);  // Windows XP's and Wine's form
  constexpr unsigned long kFirstWindows11Build = 22000;
  if (build >= kFirstWindows11Build && name.rfind("Windows 10", 0) == 0)
    name.replace(0, 10, "Windows 11");
  return name;
}

}  // namespace examready::platform::windows
