// parse_number_prefix: one grammar everywhere, converted by the standard library.
#include "core/text.h"

#include <locale>
#include <sstream>

namespace examready::core::text {
namespace {

std::size_t digits_at(std::string_view s, std::size_t pos) {
  std::size_t end = pos;
  while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
  return end - pos;
}

// The length of the longest prefix of `s` that is a decimal number (0 when there is none).
std::size_t number_length(std::string_view s) {
  std::size_t pos = !s.empty() && s[0] == '-' ? 1 : 0;
  const std::size_t integer = digits_at(s, pos);
  pos += integer;
  std::size_t fraction = 0;
  if (pos < s.size() && s[pos] == '.') {
    fraction = digits_at(s, pos + 1);
    if (integer + fraction > 0) pos += 1 + fraction;
  }
  if (integer + fraction == 0) return 0;
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    std::size_t exp = pos + 1;
    if (exp < s.size() && (s[exp] == '+' || s[exp] == '-')) ++exp;
    if (const std::size_t n = digits_at(s, exp); n > 0) pos = exp + n;
  }
  return pos;
}

}  // namespace

std::optional<NumberPrefix> parse_number_prefix(std::string_view s) {
  const std::size_t length = number_length(s);
  if (length == 0) return std::nullopt;
  double value = 0;
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + length, value);
  if (ec != std::errc() || ptr != s.data() + length) return std::nullopt;
#else
  // libc++ before 17 (emscripten 3.1) has no floating-point from_chars: a stream in the
  // classic locale reads the same grammar to the same correctly rounded double.
  std::istringstream in{std::string(s.substr(0, length))};
  in.imbue(std::locale::classic());
  in >> value;
  if (in.fail()) return std::nullopt;
#endif
  return NumberPrefix{value, length};
}

}  // namespace examready::core::text
