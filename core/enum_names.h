// Enum <-> text through one table per enum: the only way the core's enums are spelled in
// reports, rules files and messages.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace examready::core {

// The name of `value` in `table`, "invalid" for a value the table does not list.
template <typename Enum, std::size_t N>
constexpr std::string_view enum_name(Enum value, const std::pair<Enum, std::string_view> (&table)[N]) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "invalid";
}

template <typename Enum, std::size_t N>
constexpr std::optional<Enum> parse_enum(std::string_view text,
                                         const std::pair<Enum, std::string_view> (&table)[N]) {
  for (const auto& [value, name] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace examready::core
