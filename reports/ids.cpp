// Report ids, short codes, device-id hashes and UTC timestamps.
#include "reports/ids.h"

#include <openssl/evp.h>
#include <sys/random.h>

#include <array>
#include <cctype>
#include <ctime>
#include <fmt/format.h>
#include <stdexcept>

namespace examready::reports {
namespace {

constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::string_view kDeviceIdSalt = "examready/device-id/v1\n";

std::array<unsigned char, 32> sha256(std::string_view data) {
  std::array<unsigned char, 32> digest{};
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  return digest;
}

}  // namespace

std::string new_report_id() {
  std::array<unsigned char, 16> bytes{};
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    ssize_t n = ::getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (n < 0) throw std::runtime_error("getrandom failed");
    filled += static_cast<std::size_t>(n);
  }
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
  auto digest = sha256(report_id);
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

std::string sha256_hex(std::string_view data) {
  auto digest = sha256(data);
  std::string hex;
  for (unsigned char byte : digest) hex += fmt::format("{:02x}", byte);
  return hex;
}

std::string device_id_hash(std::string_view stable_id) {
  std::string salted(kDeviceIdSalt);
  salted += stable_id;
  return sha256_hex(salted).substr(0, 32);
}

std::string format_utc(std::chrono::system_clock::time_point time) {
  std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string utc_now() { return format_utc(std::chrono::system_clock::now()); }

std::optional<std::chrono::system_clock::time_point> parse_utc(std::string_view text) {
  std::tm tm{};
  int year, month, day, hour, minute, second;
  std::string copy(text);
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute, &second) != 6) {
    return std::nullopt;
  }
  if (copy.empty() || copy.back() != 'Z') return std::nullopt;
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  std::time_t t = ::timegm(&tm);
  if (t == -1) return std::nullopt;
  return std::chrono::system_clock::from_time_t(t);
}

}  // namespace examready::reports
