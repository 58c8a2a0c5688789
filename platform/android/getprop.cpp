// getprop text -> property map.
#include "platform/android/getprop.h"

#include "platform/android/text.h"

namespace examready::platform::android {

PropertyMap parse_getprop(std::string_view text) {
  PropertyMap props;
  const auto all = text::lines(text);
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::string_view line = text::trim(all[i]);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() != '[') {
      // build.prop style: key=value (keys never contain spaces).
      const auto eq = line.find('=');
      if (eq == std::string_view::npos || eq == 0) continue;
      const std::string_view key = text::trim(line.substr(0, eq));
      if (key.find_first_of(" \t[]") != std::string_view::npos) continue;
      props[std::string(key)] = std::string(text::trim(line.substr(eq + 1)));
      continue;
    }
    const auto sep = line.find("]: [");
    if (sep == std::string_view::npos) continue;
    const std::string key(line.substr(1, sep - 1));
    std::string value(all[i].substr(all[i].find("]: [") + 4));
    // Multi-line values: keep reading until a line ends with the closing bracket.
    std::size_t j = i;
    while (value.empty() || value.back() != ']') {
      if (++j >= all.size()) break;
      value += '\n';
      value += all[j];
    }
    if (value.empty() || value.back() != ']') break;  // truncated at the end: drop it
    value.pop_back();
    props[key] = std::move(value);
    i = j;
  }
  return props;
}

std::string prop(const PropertyMap& props, std::string_view key) {
  auto it = props.find(key);
  return it == props.end() ? std::string() : it->second;
}

}  // namespace examready::platform::android
