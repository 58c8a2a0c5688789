// Which interface carries the route to the collector, and what kind it is.
#include <arpa/inet.h>

#include <catch2/catch.hpp>

#include "platform/linux/network_route.h"
#include "tests/support/fixtures.h"

using namespace examready::platform;
using examready::test::read_fixture;

namespace {
std::uint32_t v4(const char* text) {
  in_addr a{};
  inet_pton(AF_INET, text, &a);
  return a.s_addr;
}
}  // namespace

TEST_CASE("IPv4 route: this machine's table (captured)") {
  const auto table = read_fixture("linux/network/route_host.txt");
  CHECK(route_interface_v4(table, v4("192.0.2.77")) == "eth0");
  CHECK(route_interface_v4(table, v4("203.0.113.5")) == "eth0");  // default route
}

TEST_CASE("IPv4 route: longest prefix, then lowest metric; down routes ignored") {
  const auto table = read_fixture("linux/network/route_laptop.txt");
  CHECK(route_interface_v4(table, v4("192.168.1.20")) == "wlan0");  // /24 beats default
  CHECK(route_interface_v4(table, v4("10.100.3.4")) == "wwan0");    // /16
  CHECK(route_interface_v4(table, v4("8.8.8.8")) == "enp3s0");      // default, metric 100 < 600
  CHECK(route_interface_v4(table, v4("172.17.0.2")) == "enp3s0");   // docker0 route is down
  CHECK_FALSE(route_interface_v4("Iface\tDestination\n", v4("1.2.3.4")));
}

TEST_CASE("IPv6 route: this machine's table (captured)") {
  const auto table = read_fixture("linux/network/ipv6_route_host.txt");
  in6_addr a{};
  inet_pton(AF_INET6, "fd00::1234", &a);
  CHECK(route_interface_v6(table, a.s6_addr) == "eth0");
  inet_pton(AF_INET6, "2001:db8::1", &a);
  CHECK(route_interface_v6(table, a.s6_addr) == "eth0");  // default via fd00::1
}

// A prefix length beyond 128 bits read past the route's hex text and the address (an ASan
// stack-buffer-overflow, seen with the network_route fuzz target): such a line is no route.
TEST_CASE("IPv6 route: a prefix longer than 128 bits is skipped") {
  const std::string all_zero(32, '0');
  const std::string table = all_zero + " ff " + all_zero + " 00 " + all_zero +
                            " 00000000 00000000 00000000 00000001 eth0\n" + all_zero + " 00 " +
                            all_zero + " 00 " + all_zero +
                            " 00000400 00000000 00000000 00000001 wlan0\n";
  const unsigned char address[16] = {};
  CHECK(route_interface_v6(table, address) == "wlan0");
}

TEST_CASE("Wi-Fi signal from /proc/net/wireless") {
  const auto text = read_fixture("linux/network/wireless.txt");
  CHECK(parse_wireless_dbm(text, "wlan0") == Approx(-56));
  CHECK(parse_wireless_dbm(text, "wlp2s0") == Approx(-56));  // old WE: dBm as an unsigned byte
  CHECK_FALSE(parse_wireless_dbm(text, "wlp3s0"));           // driver reports no level
  CHECK_FALSE(parse_wireless_dbm(text, "eth0"));
}

TEST_CASE("interface kinds from sysfs") {
  CHECK(classify_interface("wlan0", "1\n", "DEVTYPE=wlan\nINTERFACE=wlan0\n", true).type == "wifi");
  CHECK(classify_interface("eth0", "1\n", "INTERFACE=eth0\nIFINDEX=4\n", false).type == "ethernet");
  CHECK(classify_interface("wwan0", "1\n", "DEVTYPE=wwan\n", false).type == "cellular");
  CHECK(classify_interface("rmnet_data0", "519\n", "", false).type == "cellular");
  const auto lo = classify_interface("lo", "772\n", "", false);
  CHECK_FALSE(lo.type);
  CHECK(lo.detail == "loopback");
  CHECK_FALSE(classify_interface("tun0", "65534\n", "", false).type);
}
