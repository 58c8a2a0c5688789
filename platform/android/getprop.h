// Parsing `getprop` output (the text a candidate pastes, or adb shell getprop).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace examready::platform::android {

using PropertyMap = std::map<std::string, std::string, std::less<>>;

// `[key]: [value]` lines; a value may span lines (it ends at the first `]` that closes
// a line). Also accepts build.prop-style `key=value` lines, which some export apps
// produce. Malformed or truncated lines are skipped, never guessed at.
PropertyMap parse_getprop(std::string_view text);

// The value, or "" when the property is missing.
std::string prop(const PropertyMap& props, std::string_view key);

}  // namespace examready::platform::android
