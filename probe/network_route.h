// Which interface carries the route to the collector, what kind it is, and its Wi-Fi signal.
// Pure parsers over /proc and /sys text, plus one function that reads them through the Host.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "platform/host.h"

namespace examready::probe::net {

// Longest-prefix match of an IPv4 address (network byte order, as in in_addr::s_addr)
// against /proc/net/route; ties go to the lower metric. nullopt when no route matches.
std::optional<std::string> route_interface_v4(std::string_view proc_net_route,
                                              std::uint32_t addr_be);

// The same for IPv6 against /proc/net/ipv6_route (addr: 16 bytes, network order).
std::optional<std::string> route_interface_v6(std::string_view proc_net_ipv6_route,
                                              const unsigned char* addr);

// Signal level in dBm of `iface` from /proc/net/wireless; nullopt when absent or not in dBm.
std::optional<double> parse_wireless_dbm(std::string_view proc_net_wireless,
                                         std::string_view iface);

struct InterfaceKind {
  std::string type;    // wifi, ethernet, cellular or unknown (the catalog's values)
  std::string detail;  // why: "uevent DEVTYPE=wlan", "loopback", "tunnel (ARPHRD_NONE)", ...
};
// From the contents of /sys/class/net/<if>/type and uevent and whether the interface is
// listed in /proc/net/wireless.
InterfaceKind classify_interface(std::string_view iface, std::string_view sys_type,
                                 std::string_view sys_uevent, bool in_proc_wireless);

struct RouteInfo {
  std::string iface;
  InterfaceKind kind;
  std::optional<double> wifi_signal_dbm;
};
// `ip` is the collector's numeric address (IPv4 or IPv6 text). nullopt when no route is found.
std::optional<RouteInfo> route_to(platform::Host& host, const std::string& ip);

}  // namespace examready::probe::net
