// Attribute-directory reader shared by the DMI and power-supply checks.
#include "platform/sysfs.h"

#include "core/text.h"

namespace examready::platform {

namespace text = core::text;

std::string trim(std::string text) { return std::string(text::trim(text)); }

std::map<std::string, std::string> read_attribute_dir(Host& host, const std::string& dir) {
  std::map<std::string, std::string> attributes;
  for (const auto& name : host.list_dir(dir)) {
    if (auto content = host.read_file(dir + "/" + name)) attributes[name] = trim(*content);
  }
  return attributes;
}

}  // namespace examready::platform

namespace examready::platform {

std::map<std::string, std::string> read_attributes(Host& host, const std::string& dir,
                                                   std::initializer_list<const char*> names) {
  std::map<std::string, std::string> attributes;
  for (const char* name : names) {
    if (auto content = host.read_file(dir + "/" + name)) attributes[name] = trim(*content);
  }
  return attributes;
}

}  // namespace examready::platform
