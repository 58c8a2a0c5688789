// Reading values from the registry (HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER), where Windows
// keeps its version, display and accessibility settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace examready::platform::windows {

enum class Hive { kLocalMachine, kCurrentUser };

// REG_SZ / REG_EXPAND_SZ (unexpanded) as UTF-8; nullopt when absent or of another type.
std::optional<std::string> registry_string(Hive hive, const std::wstring& key,
                                           const std::wstring& value);
// REG_DWORD; nullopt when absent or of another type.
std::optional<std::uint32_t> registry_dword(Hive hive, const std::wstring& key,
                                            const std::wstring& value);

}  // namespace examready::platform::windows
