// Which interface carries the route to an address, what kind of link it is and its Wi-Fi
// signal: the network check names the connection the exam upload will take.
#pragma once

#include <optional>
#include <string>

#include "platform/host.h"

namespace examready::platform {

struct InterfaceKind {
  std::optional<std::string> type;  // wifi, ethernet or cellular; absent when not one of these
  std::string detail;               // why: "uevent DEVTYPE=wlan", "loopback", "tunnel (ARPHRD_NONE)"…
};

struct RouteInfo {
  std::string iface;
  InterfaceKind kind;
  std::optional<double> wifi_signal_dbm;
  std::string signal_source;  // where the signal level came from ("/proc/net/wireless")
};

// `ip` is the collector's numeric address (IPv4 or IPv6 text). nullopt when no route is found.
std::optional<RouteInfo> route_to(Host& host, const std::string& ip);

}  // namespace examready::platform
