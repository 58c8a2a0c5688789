// Report ids, short codes, device-id hashes and UTC timestamps.
#include "reports/ids.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "core/entropy.h"
#include "core/sha256.h"

namespace examready::reports {
namespace {

constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::string_view kDeviceIdSalt = "examready/device-id/v1\n";

}  // namespace

std::string new_report_id() {
  std::array<unsigned char, 16> bytes{};
  core::fill_random(bytes);
  std::string id;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      id += kBase64Url[(buffer >> bits) & 0x3f];
    }
  }
  if (bits > 0) id += kBase64Url[(buffer << (6 - bits)) & 0x3f];
  return id;  // 128 bits -> 22 characters
}

std::string short_code(std::string_view report_id) {
  const auto digest = core::sha256(report_id);
  std::uint64_t value = 0;
  for (int i = 0; i < 5; ++i) value = (value << 8) | digest[static_cast<std::size_t>(i)];
  std::string code(9, '-');
  for (int i = 7; i >= 0; --i) {
    code[static_cast<std::size_t>(i < 4 ? i : i + 1)] = kCrockford[value & 31];
    value >>= 5;
  }
  return code;
}

std::optional<std::string> normalize_code(std::string_view typed) {
  std::string symbols;
  for (char raw : typed) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
    if (c == '-' || c == ' ') continue;
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (kCrockford.find(c) == std::string_view::npos) return std::nullopt;
    symbols += c;
  }
  if (symbols.size() != 8) return std::nullopt;
  return symbols.substr(0, 4) + "-" + symbols.substr(4);
}

std::string device_id_hash(std::string_view stable_id, std::string_view installation_secret) {
  std::string salted(kDeviceIdSalt);
  salted += installation_secret;
  salted += '\n';
  salted += stable_id;
  return core::sha256_hex(salted).substr(0, 32);
}

std::string new_installation_secret() { return core::random_hex(32); }  // 256 bits

bool is_installation_secret(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::string format_utc(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  const auto seconds = floor<std::chrono::seconds>(time);
  const auto day = floor<days>(seconds);
  const year_month_day date{day};
  const hh_mm_ss clock{seconds - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count());
}

std::string utc_now() { return format_utc(std::chrono::system_clock::now()); }

std::optional<std::chrono::system_clock::time_point> parse_utc(std::string_view text) {
  // "YYYY-MM-DDTHH:MM:SS", an optional fraction of 1 to 9 digits (ignored), then "Z": the
  // schema's utc_time.
  auto number = [&](std::size_t pos, std::size_t digits) -> std::optional<int> {
    if (pos + digits > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + digits; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
  const auto hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  std::size_t end = 19;
  if (end < text.size() && text[end] == '.') {
    const std::size_t first = ++end;
    while (end < text.size() && end - first < 10 && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == first || end - first > 9) return std::nullopt;
  }
  if (end + 1 != text.size() || text[end] != 'Z') return std::nullopt;
  // system_clock counts nanoseconds in 64 bits (the years 1678 to 2262): an earlier or later
  // time overflowed (undefined behaviour, found by fuzzing `?since=` of /v1/stats), and no
  // report or evaluation date lies outside 1970-2200.
  if (*year < 1970 || *year > 2200) return std::nullopt;
  using namespace std::chrono;
  const year_month_day date{std::chrono::year{*year},
                            std::chrono::month{static_cast<unsigned>(*month)},
                            std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok() || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
  return sys_days{date} + hours{*hour} + minutes{*minute} + seconds{*second};
}

std::optional<std::chrono::system_clock::time_point> parse_exam_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return parse_utc(std::string(text) + "T12:00:00Z");
}

}  // namespace examready::reports
