// Numeric comparison of dotted versions.
#include "rules/version.h"

#include <cctype>
#include <charconv>

namespace examready::rules {
namespace {

// Parses "N(.N)*" at the start of text; returns the version and how many chars it used.
std::optional<Version> parse_prefix(std::string_view text, std::size_t& used) {
  Version parts;
  std::size_t i = 0;
  while (true) {
    if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    long part = 0;
    auto [ptr, ec] = std::from_chars(text.data() + i, text.data() + text.size(), part);
    if (ec != std::errc()) return std::nullopt;
    parts.push_back(part);
    i = static_cast<std::size_t>(ptr - text.data());
    if (i + 1 < text.size() && text[i] == '.' &&
        std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      ++i;
      continue;
    }
    break;
  }
  used = i;
  return parts;
}

}  // namespace

std::optional<Version> parse_version_strict(std::string_view text) {
  std::size_t used = 0;
  auto version = parse_prefix(text, used);
  if (!version || used != text.size()) return std::nullopt;
  return version;
}

std::optional<Version> parse_version_measured(std::string_view text) {
  std::size_t used = 0;
  return parse_prefix(text, used);
}

int compare_versions(const Version& a, const Version& b) {
  const std::size_t n = std::max(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const long x = i < a.size() ? a[i] : 0;
    const long y = i < b.size() ? b[i] : 0;
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

}  // namespace examready::rules
