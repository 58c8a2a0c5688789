// Dotted version numbers ("7", "7.0", "7.1.2", "10") compared numerically, missing parts as 0.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace examready::rules {

using Version = std::vector<long>;

// Strict form used in rules files: digits separated by dots, nothing else.
std::optional<Version> parse_version_strict(std::string_view text);
// Lenient form for measured values: the leading dotted number ("10 (Q)" -> 10, "17.1.2-beta" ->
// 17.1.2); nullopt when the text does not start with a digit.
std::optional<Version> parse_version_measured(std::string_view text);
// <0, 0, >0 with trailing zeros insignificant: 7 == 7.0, 10.0 > 9.1.
int compare_versions(const Version& a, const Version& b);

}  // namespace examready::rules
