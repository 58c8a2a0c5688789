// The `os` check: OS family, name, version, kernel and architecture.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "probe/check.h"

namespace examready::probe {

// os-release(5): KEY=value lines, values optionally quoted with shell escapes.
std::map<std::string, std::string> parse_os_release(std::string_view text);

struct OsFacts {
  std::string family;   // linux, windows, macos, android, harmonyos, ios
  std::string name;     // NAME (or PRETTY_NAME without the version)
  std::string version;  // VERSION_ID; empty for rolling releases
};
OsFacts os_facts_from_release(const std::map<std::string, std::string>& release);

Outcome run_os_check(CheckContext& ctx);

}  // namespace examready::probe
