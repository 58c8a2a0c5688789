// Client addresses for the per-client limits (client_address.h).
#include "server/http/client_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>

#include "core/text.h"

namespace examready::server::http {

bool is_ip_literal(std::string_view text) {
  const std::string address(text);
  std::array<unsigned char, 16> buffer{};
  return ::inet_pton(AF_INET, address.c_str(), buffer.data()) == 1 ||
         ::inet_pton(AF_INET6, address.c_str(), buffer.data()) == 1;
}

std::string client_key(std::string_view address) {
  const std::string text(address);
  std::array<unsigned char, 16> bytes{};
  if (::inet_pton(AF_INET6, text.c_str(), bytes.data()) != 1) return text;
  // An IPv4-mapped address is the IPv4 client.
  constexpr std::array<unsigned char, 12> kMapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMapped.begin(), kMapped.end(), bytes.begin())) {
    std::array<char, INET_ADDRSTRLEN> v4{};
    ::inet_ntop(AF_INET, bytes.data() + 12, v4.data(), v4.size());
    return v4.data();
  }
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  std::array<char, INET6_ADDRSTRLEN> prefix{};
  ::inet_ntop(AF_INET6, bytes.data(), prefix.data(), prefix.size());
  return std::string(prefix.data()) + "/64";
}

std::string forwarded_client(const std::vector<std::string_view>& lines) {
  if (lines.empty()) return {};
  const std::string_view last_line = lines.back();
  const auto comma = last_line.rfind(',');
  const std::string_view last =
      core::text::trim(comma == std::string_view::npos ? last_line : last_line.substr(comma + 1));
  return is_ip_literal(last) ? std::string(last) : std::string();
}

}  // namespace examready::server::http
