// Parsing `getprop` output (the text a candidate pastes, or adb shell getprop).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace examready::platform::android {

using PropertyMap = std::map<std::string, std::string, std::less<>>;

inline constexpr std::size_t kMaxPropertyKeyBytes = 256;
inline constexpr std::size_t kMaxPropertyValueBytes = 4096;

// `[key]: [value]` lines; a value may span lines (it ends at the first `]` that closes
// a line, never past the next `[key]: [` line). Also accepts build.prop-style `key=value`
// lines, which some export apps produce. Malformed or truncated lines are skipped, never
// guessed at, and so are keys or values over the limits above or holding control bytes (NUL,
// escapes). Keys and values lose the spaces around them, Unicode ones too (trim_pasted).
// A key the text gives twice with different values (the later one is kept): `line`s count
// from 1.
struct RepeatedProperty {
  std::string key, first_value, later_value;
  std::size_t first_line = 0, later_line = 0;
};
PropertyMap parse_getprop(std::string_view text, std::vector<RepeatedProperty>* repeated = nullptr);

// The first of `repeated` that names the device (model, codename, brand, serial number,
// fingerprint): two of those mean the text holds two devices' properties. nullptr if none.
const RepeatedProperty* second_device(const std::vector<RepeatedProperty>& repeated);

// The value, or "" when the property is missing.
std::string prop(const PropertyMap& props, std::string_view key);

}  // namespace examready::platform::android
