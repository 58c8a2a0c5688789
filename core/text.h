// Line and field helpers shared by the parsers of command output, sysfs and data files.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace examready::core::text {

// Splits on '\n', dropping a trailing '\r' (adb on Windows-built images, pasted text).
inline std::vector<std::string_view> lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    pos = end + 1;
  }
  return out;
}

// Every field between separators, empty ones included: "a\t\tb" -> {a, "", b}.
inline std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

inline std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

// `trim` that also drops the Unicode spaces and invisible marks pasted text carries around a
// value (no-break space U+00A0, U+2000-U+200D, U+2028/9, U+202F, U+205F, U+2060, ideographic
// space U+3000, byte-order mark U+FEFF), in UTF-8: "M2003J15SG\u00A0" is M2003J15SG.
std::string_view trim_pasted(std::string_view s);

inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

inline bool contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

inline std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (true) {
    pos = line.find_first_not_of(" \t", pos);
    if (pos == std::string_view::npos) break;
    std::size_t end = line.find_first_of(" \t", pos);
    if (end == std::string_view::npos) end = line.size();
    out.push_back(line.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

inline std::optional<std::int64_t> to_int(std::string_view s) {
  s = trim(s);
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return value;
}

// A decimal number at the start of `s`, as std::from_chars reads it: optional '-', digits
// with an optional fraction, an optional exponent; no leading '+' or space, no inf/nan.
// The value and the characters used, or nullopt. Correctly rounded, independent of locale.
struct NumberPrefix {
  double value = 0;
  std::size_t length = 0;
};
std::optional<NumberPrefix> parse_number_prefix(std::string_view s);

// The whole of `s` (spaces around it ignored) as a number; nullopt when anything else is there.
inline std::optional<double> to_double(std::string_view s) {
  s = trim(s);
  const auto number = parse_number_prefix(s);
  if (!number || number->length != s.size()) return std::nullopt;
  return number->value;
}

// ASCII only: model codes, property names and rule texts compare this way whatever the
// locale (std::tolower depends on it).
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower(c);
  return out;
}

// a == b ignoring ASCII case, without a copy (the rules evaluator compares this way).
inline bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// `s` cut to at most `max_bytes` without splitting a UTF-8 sequence (continuation bytes
// 10xxxxxx are dropped with the lead byte they follow).
inline std::string cut_utf8(std::string s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  s.resize(end);
  return s;
}

// `s` made safe to print and to store: every control character (C0, DEL, C1: a terminal's
// escape sequences start with them) and every bidirectional override, embedding or isolate
// (which reorder what follows on screen) becomes a space, and bytes that are not UTF-8 become
// U+FFFD. Newlines and tabs become spaces too unless `keep_lines` (a multi-line error on
// stderr). Device text (an adb error, a model name) reaches the terminal, the window and the
// helpdesk page this way.
std::string printable(std::string_view s, bool keep_lines = false);

}  // namespace examready::core::text
