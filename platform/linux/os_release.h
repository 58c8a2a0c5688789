// os-release(5) parsing for the Linux OS facts (platform/os_facts.h).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace examready::platform {

// KEY=value lines, values optionally quoted with shell escapes.
std::map<std::string, std::string> parse_os_release(std::string_view text);

struct ReleaseName {
  std::string name;     // NAME (or PRETTY_NAME), "Linux" when neither is set
  std::string version;  // VERSION_ID; empty for rolling releases
};
ReleaseName release_name(const std::map<std::string, std::string>& release);

}  // namespace examready::platform
