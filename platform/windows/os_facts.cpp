// The OS facts on Windows: RtlGetVersion (which, unlike GetVersionEx, does not answer
// Windows 8 to a program without a manifest) and the registry's product name, display
// version and update revision.
#include "platform/os_facts.h"

#include <windows.h>

#include <fmt/format.h>

#include "platform/windows/registry.h"
#include "platform/windows/windows_version.h"

namespace examready::platform {
namespace {

using windows::Hive;

constexpr wchar_t kCurrentVersion[] = L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

}  // namespace

std::optional<OsFacts> read_os_facts(Host& /*local machine only*/, std::string& error) {
  const auto version = windows::rtl_version();
  if (!version) {
    error = "RtlGetVersion failed";
    return std::nullopt;
  }
  OsFacts facts;
  facts.family = "windows";
  facts.version = fmt::format("{}.{}.{}", version->major, version->minor, version->build);
  facts.arch = windows::native_architecture();
  facts.source = "RtlGetVersion";
  facts.kernel_source = "RtlGetVersion, registry UBR, GetNativeSystemInfo";
  const auto product =
      windows::registry_string(Hive::kLocalMachine, kCurrentVersion, L"ProductName");
  facts.name = windows::product_name(product.value_or(""), version->build);
  // 10.0.22631.3007 (23H2): the build with its update revision, and the feature update.
  std::string kernel = facts.version;
  if (auto ubr = windows::registry_dword(Hive::kLocalMachine, kCurrentVersion, L"UBR")) {
    kernel += fmt::format(".{}", *ubr);
  }
  auto feature = windows::registry_string(Hive::kLocalMachine, kCurrentVersion, L"DisplayVersion");
  if (!feature)
    feature = windows::registry_string(Hive::kLocalMachine, kCurrentVersion, L"ReleaseId");
  if (feature && !feature->empty()) kernel += " (" + *feature + ")";
  facts.kernel = kernel;
  if (!product) facts.note = "the registry names no product: edition unknown";
  return facts;
}

}  // namespace examready::platform
