// parse_number_prefix: one grammar everywhere, converted by the standard library.
#include "core/text.h"

#include <locale>
#include <sstream>

namespace examready::core::text {
namespace {

// The length of the Unicode space or invisible mark `s` starts with (UTF-8), else 0.
std::size_t pasted_space_at_start(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (s.size() >= 2 && byte(0) == 0xC2 && byte(1) == 0xA0) return 2;  // U+00A0
  if (s.size() < 3) return 0;
  if (byte(0) == 0xE2 && byte(1) == 0x80 &&
      (byte(2) <= 0x8D || byte(2) == 0xA8 || byte(2) == 0xA9 || byte(2) == 0xAF)) {
    return 3;  // U+2000-U+200D, U+2028, U+2029, U+202F
  }
  if (byte(0) == 0xE2 && byte(1) == 0x81 && (byte(2) == 0x9F || byte(2) == 0xA0)) return 3;
  if (byte(0) == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;  // U+3000
  if (byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) return 3;  // U+FEFF
  return 0;
}

// The same for the one `s` ends with: each is 2 or 3 bytes long.
std::size_t pasted_space_at_end(std::string_view s) {
  for (std::size_t length : {std::size_t{2}, std::size_t{3}}) {
    if (s.size() >= length && pasted_space_at_start(s.substr(s.size() - length)) == length) {
      return length;
    }
  }
  return 0;
}

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

namespace {

// The length of the well-formed UTF-8 sequence `s` starts with (not overlong, no surrogate,
// at most U+10FFFF), else 0.
std::size_t utf8_sequence_length(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the second byte's range
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (s.size() < length || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// The bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they
// reorder the text after them on screen ("Xiaomi 14 <U+202E>4202" shows as "Xiaomi 14 2024").
bool is_bidi_control(std::string_view three) {
  const auto b1 = static_cast<unsigned char>(three[1]);
  const auto b2 = static_cast<unsigned char>(three[2]);
  if (static_cast<unsigned char>(three[0]) != 0xE2) return false;
  return (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
}

}  // namespace

std::string printable(std::string_view s, bool keep_lines) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const auto c = static_cast<unsigned char>(s.front());
    if (c < 0x80) {
      const bool line_break = keep_lines && (c == '\n' || c == '\t');
      out += (c < 0x20 && !line_break) || c == 0x7F ? ' ' : static_cast<char>(c);
      s.remove_prefix(1);
      continue;
    }
    const std::size_t length = utf8_sequence_length(s);
    if (length == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      s.remove_prefix(1);
    } else if (length == 2 && c == 0xC2 && static_cast<unsigned char>(s[1]) < 0xA0) {
      out += ' ';  // C1 control (U+0080-U+009F): CSI and OSC on some terminals
      s.remove_prefix(2);
    } else if (length == 3 && is_bidi_control(s)) {
      out += ' ';
      s.remove_prefix(3);
    } else {
      out.append(s.substr(0, length));
      s.remove_prefix(length);
    }
  }
  return out;
}

std::string_view trim_pasted(std::string_view s) {
  for (;;) {
    const std::string_view before = s;
    s = trim(s);
    while (const std::size_t n = pasted_space_at_start(s)) s.remove_prefix(n);
    while (const std::size_t n = pasted_space_at_end(s)) s.remove_suffix(n);
    if (s.size() == before.size()) return s;
  }
}

}  // namespace examready::core::text
