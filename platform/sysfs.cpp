// Attribute-directory reader shared by the DMI and power-supply checks.
#include "platform/sysfs.h"

namespace examready::platform {

std::string trim(std::string text) {
  const char* ws = " \t\r\n";
  text.erase(0, text.find_first_not_of(ws));
  auto end = text.find_last_not_of(ws);
  text.erase(end == std::string::npos ? 0 : end + 1);
  return text;
}

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
