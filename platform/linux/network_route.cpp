// The route to the collector on Linux, from /proc/net and /sys/class/net.
#include "platform/linux/network_route.h"

#include <arpa/inet.h>

#include <bit>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "core/text.h"

namespace examready::platform {
namespace {

std::vector<std::string> split_ws(const std::string& line) {
  std::vector<std::string> out;
  for (const auto field : core::text::fields(line)) out.emplace_back(field);
  return out;
}

bool hex_to_u32(const std::string& text, std::uint32_t& out) {
  char* end = nullptr;
  const unsigned long v = std::strtoul(text.c_str(), &end, 16);
  if (end == text.c_str() || *end != '\0') return false;
  out = static_cast<std::uint32_t>(v);
  return true;
}

}  // namespace

std::optional<std::string> route_interface_v4(std::string_view text, std::uint32_t addr_be) {
  std::istringstream in{std::string(text)};
  std::string line;
  std::getline(in, line);  // header
  std::optional<std::string> best;
  int best_len = -1;
  long best_metric = 0;
  while (std::getline(in, line)) {
    const auto f = split_ws(line);
    if (f.size() < 8) continue;
    std::uint32_t dest = 0, flags = 0, mask = 0;
    if (!hex_to_u32(f[1], dest) || !hex_to_u32(f[3], flags) || !hex_to_u32(f[7], mask)) continue;
    if ((flags & 0x1) == 0) continue;  // RTF_UP
    // The file prints the raw network-order words, so they compare directly with s_addr.
    if ((addr_be & mask) != dest) continue;
    const int len = std::popcount(mask);
    const long metric = std::strtol(f[6].c_str(), nullptr, 10);
    if (len > best_len || (len == best_len && metric < best_metric)) {
      best = f[0];
      best_len = len;
      best_metric = metric;
    }
  }
  return best;
}

std::optional<std::string> route_interface_v6(std::string_view text, const unsigned char* addr) {
  std::istringstream in{std::string(text)};
  std::string line;
  std::optional<std::string> best;
  int best_len = -1;
  unsigned long best_metric = 0;
  while (std::getline(in, line)) {
    const auto f = split_ws(line);
    if (f.size() < 10 || f[0].size() != 32) continue;
    const long prefix = std::strtol(f[1].c_str(), nullptr, 16);
    // A prefix longer than an address made the loop below read past both addresses.
    if (prefix < 0 || prefix > 128) continue;
    const int len = static_cast<int>(prefix);
    const unsigned long flags = std::strtoul(f[8].c_str(), nullptr, 16);
    if ((flags & 0x1) == 0 || (f[9] == "lo" && len != 128)) continue;  // skip unreachable defaults
    bool match = true;
    for (int bit = 0; bit < len && match; ++bit) {
      const int byte = bit / 8;
      const unsigned route_byte = static_cast<unsigned>(
          std::strtoul(f[0].substr(static_cast<std::size_t>(byte) * 2, 2).c_str(), nullptr, 16));
      const unsigned mask = 0x80u >> (bit % 8);
      match = (route_byte & mask) == (addr[byte] & mask);
    }
    if (!match) continue;
    const unsigned long metric = std::strtoul(f[5].c_str(), nullptr, 16);
    if (len > best_len || (len == best_len && metric < best_metric)) {
      best = f[9];
      best_len = len;
      best_metric = metric;
    }
  }
  return best;
}

std::optional<double> parse_wireless_dbm(std::string_view text, std::string_view iface) {
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    const auto f = split_ws(line);
    if (f.size() < 4 || f[0] != std::string(iface) + ":") continue;
    double level = std::strtod(f[3].c_str(), nullptr);
    // Old WE drivers report dBm as an unsigned byte.
    if (level > 63 && level <= 255) level -= 256;
    if (level < 0 && level > -120) return level;
    return std::nullopt;
  }
  return std::nullopt;
}

InterfaceKind classify_interface(std::string_view iface, std::string_view sys_type,
                                 std::string_view sys_uevent, bool in_proc_wireless) {
  const std::string uevent(sys_uevent);
  if (uevent.find("DEVTYPE=wlan") != std::string::npos) return {"wifi", "uevent DEVTYPE=wlan"};
  if (in_proc_wireless) return {"wifi", "listed in /proc/net/wireless"};
  if (uevent.find("DEVTYPE=wwan") != std::string::npos) return {"cellular", "uevent DEVTYPE=wwan"};
  const long type = std::strtol(std::string(sys_type).c_str(), nullptr, 10);
  switch (type) {
    case 1: {
      const std::string name(iface);
      if (name.rfind("wwan", 0) == 0 || name.rfind("usb", 0) == 0 || name.rfind("rmnet", 0) == 0) {
        return {"cellular", "interface name " + name};
      }
      return {"ethernet", "ARPHRD_ETHER"};
    }
    case 519:  // ARPHRD_RAWIP: USB modems
    case 530:  // ARPHRD_WWAN... kept as the kernel's raw-IP modem types
      return {"cellular", "raw-IP modem"};
    case 772:
      return {std::nullopt, "loopback"};
    case 65534:
      return {std::nullopt, "tunnel or VPN (ARPHRD_NONE)"};
    default:
      return {std::nullopt, "link type " + std::string(sys_type)};
  }
}

std::optional<RouteInfo> route_to(Host& host, const std::string& ip) {
  std::optional<std::string> iface;
  in_addr v4{};
  in6_addr v6{};
  if (inet_pton(AF_INET, ip.c_str(), &v4) == 1) {
    if ((ntohl(v4.s_addr) >> 24) == 127)
      iface = "lo";  // the local table is not in the file
    else if (auto text = host.read_file("/proc/net/route"))
      iface = route_interface_v4(*text, v4.s_addr);
  } else if (inet_pton(AF_INET6, ip.c_str(), &v6) == 1) {
    if (IN6_IS_ADDR_LOOPBACK(&v6))
      iface = "lo";
    else if (auto text = host.read_file("/proc/net/ipv6_route"))
      iface = route_interface_v6(*text, v6.s6_addr);
  }
  if (!iface) return std::nullopt;
  RouteInfo info;
  info.iface = *iface;
  const std::string dir = "/sys/class/net/" + *iface;
  const std::string wireless = host.read_file("/proc/net/wireless").value_or("");
  info.wifi_signal_dbm = parse_wireless_dbm(wireless, *iface);
  info.signal_source = "/proc/net/wireless";
  const bool listed = wireless.find(*iface + ":") != std::string::npos;
  info.kind = classify_interface(*iface, host.read_file(dir + "/type").value_or(""),
                                 host.read_file(dir + "/uevent").value_or(""), listed);
  return info;
}

}  // namespace examready::platform
