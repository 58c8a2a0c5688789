// Registry reads with RegGetValueW, which bounds and terminates strings itself.
#include "platform/windows/registry.h"

#include <windows.h>

#include <vector>

#include "platform/windows/wide_text.h"

namespace examready::platform::windows {
namespace {

HKEY root(Hive hive) {
  return hive == Hive::kLocalMachine ? HKEY_LOCAL_MACHINE : HKEY_CURRENT_USER;
}

}  // namespace

std::optional<std::string> registry_string(Hive hive, const std::wstring& key,
                                           const std::wstring& value) {
  DWORD bytes = 0;
  constexpr DWORD kFlags = RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND;
  if (::RegGetValueW(root(hive), key.c_str(), value.c_str(), kFlags, nullptr, nullptr, &bytes) !=
      ERROR_SUCCESS) {
    return std::nullopt;
  }
  constexpr DWORD kMaxBytes = 64 * 1024;  // version and setting strings are short
  if (bytes > kMaxBytes) return std::nullopt;
  std::vector<wchar_t> buffer(bytes / sizeof(wchar_t) + 1, L'\0');
  bytes = static_cast<DWORD>(buffer.size() * sizeof(wchar_t));
  if (::RegGetValueW(root(hive), key.c_str(), value.c_str(), kFlags, nullptr, buffer.data(),
                     &bytes) != ERROR_SUCCESS) {
    return std::nullopt;
  }
  return narrow(std::wstring_view(buffer.data()));
}

std::optional<std::uint32_t> registry_dword(Hive hive, const std::wstring& key,
                                            const std::wstring& value) {
  DWORD data = 0;
  DWORD bytes = sizeof data;
  if (::RegGetValueW(root(hive), key.c_str(), value.c_str(), RRF_RT_REG_DWORD, nullptr, &data,
                     &bytes) != ERROR_SUCCESS) {
    return std::nullopt;
  }
  return data;
}

}  // namespace examready::platform::windows
