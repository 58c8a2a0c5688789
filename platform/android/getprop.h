// Parsing `getprop` output (the text a candidate pastes, or adb shell getprop).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace examready::platform::android {

using PropertyMap = std::map<std::string, std::string, std::less<>>;

inline constexpr std::size_t kMaxPropertyKeyBytes = 256;
inline constexpr std::size_t kMaxPropertyValueBytes = 4096;

// `[key]: [value]` lines; a value may span lines (it ends at the first `]` that closes
// a line). Also accepts build.prop-style `key=value` lines, which some export apps
// produce. Malformed or truncated lines are skipped, never guessed at, and so are keys or
// values over the limits above or holding control bytes (NUL, escapes).
PropertyMap parse_getprop(std::string_view text);

// The value, or "" when the property is missing.
std::string prop(const PropertyMap& props, std::string_view key);

}  // namespace examready::platform::android
