// The route to the collector on Linux: pure parsers over /proc/net and /sys/class/net text
// (platform/network_route.h reads them through the Host).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "platform/network_route.h"

namespace examready::platform {

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

// From the contents of /sys/class/net/<if>/type and uevent and whether the interface is
// listed in /proc/net/wireless.
InterfaceKind classify_interface(std::string_view iface, std::string_view sys_type,
                                 std::string_view sys_uevent, bool in_proc_wireless);

}  // namespace examready::platform
