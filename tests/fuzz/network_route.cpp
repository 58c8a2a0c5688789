// Fuzz target: the route to the collector from /proc/net/route, /proc/net/ipv6_route and
// /proc/net/wireless, and the interface kind from /sys/class/net/<if>/{type,uevent}.
// Input: the address (16 bytes) then route, ipv6_route, wireless, type and uevent texts
// separated by form feeds.
#include <array>
#include <cstdint>
#include <cstring>

#include "platform/linux/network_route.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::array<unsigned char, 16> address{};
  const std::size_t address_size = std::min(size, address.size());
  std::memcpy(address.data(), data, address_size);
  const auto texts = fuzz::parts(fuzz::as_text(data + address_size, size - address_size), 5);
  std::uint32_t v4 = 0;
  std::memcpy(&v4, address.data(), sizeof v4);
  const auto iface_v4 = platform::route_interface_v4(texts[0], v4);
  const auto iface_v6 = platform::route_interface_v6(texts[1], address.data());
  const std::string iface = iface_v4.value_or(iface_v6.value_or("wlan0"));
  if (const auto dbm = platform::parse_wireless_dbm(texts[2], iface);
      dbm && !(*dbm < 0 && *dbm > -120)) {
    fuzz::invariant_failed("Wi-Fi signal outside -120..0 dBm");
  }
  const platform::InterfaceKind kind =
      platform::classify_interface(iface, texts[3], texts[4], !texts[2].empty());
  if (kind.type && *kind.type != "wifi" && *kind.type != "ethernet" && *kind.type != "cellular") {
    fuzz::invariant_failed("interface type outside the catalog", *kind.type);
  }
  return 0;
}
