// The route to the collector on Windows: GetBestInterfaceEx picks the interface the stack would
// use for the address, GetIfEntry2 names it and its link type, and the WLAN service gives the
// Wi-Fi signal.
#include "platform/windows/network_route.h"

// winsock2.h before windows.h, and the IP helper headers after both.
#include <winsock2.h>
#include <ws2tcpip.h>

#include <windows.h>

#include <iphlpapi.h>
#include <wlanapi.h>

#include <memory>
#include <string>
#include <type_traits>

#include "platform/windows/wide_text.h"

namespace examready::platform {
namespace windows {
namespace {

// IANA ifType numbers (MIB_IF_ROW2::Type); mingw-w64's ipifcons.h lacks the WWAN ones.
constexpr std::uint32_t kIfTypeEthernet = IF_TYPE_ETHERNET_CSMACD;    // 6
constexpr std::uint32_t kIfTypePpp = IF_TYPE_PPP;                     // 23
constexpr std::uint32_t kIfTypeLoopback = IF_TYPE_SOFTWARE_LOOPBACK;  // 24
constexpr std::uint32_t kIfTypeVirtual = IF_TYPE_PROP_VIRTUAL;        // 53
constexpr std::uint32_t kIfTypeWifi = IF_TYPE_IEEE80211;              // 71
constexpr std::uint32_t kIfTypeTunnel = IF_TYPE_TUNNEL;               // 131
constexpr std::uint32_t kIfTypeWwanPp = 243;                          // GSM-based mobile broadband
constexpr std::uint32_t kIfTypeWwanPp2 = 244;                         // CDMA-based mobile broadband

}  // namespace

InterfaceKind classify_interface(std::uint32_t if_type, std::uint32_t physical_medium) {
  const std::string type = "IfType " + std::to_string(if_type);
  const std::string medium = ", PhysicalMediumType " + std::to_string(physical_medium);
  switch (if_type) {
    case kIfTypeWifi:
      return {"wifi", type};
    case kIfTypeWwanPp:
    case kIfTypeWwanPp2:
      return {"cellular", type};
    case kIfTypeEthernet:
      if (physical_medium == NdisPhysicalMediumWirelessLan ||
          physical_medium == NdisPhysicalMediumNative802_11) {
        return {"wifi", type + medium};
      }
      if (physical_medium == NdisPhysicalMediumWirelessWan) return {"cellular", type + medium};
      return {"ethernet", type};
    case kIfTypeLoopback:
      return {std::nullopt, "loopback"};
    case kIfTypeTunnel:
      return {std::nullopt, "tunnel or VPN (" + type + ")"};
    case kIfTypeVirtual:
      return {std::nullopt, "virtual adapter, a VPN's or a hypervisor's (" + type + ")"};
    case kIfTypePpp:
      return {std::nullopt, "PPP, a VPN or dial-up (" + type + ")"};
    default:
      return {std::nullopt, type};
  }
}

namespace {

// GetProcAddress's FARPROC to the function's own type; through void (*)(), the type GCC's
// -Wcast-function-type lets any function pointer pass through.
template <typename Function>
Function dll_function(HMODULE dll, const char* name) {
  return reinterpret_cast<Function>(reinterpret_cast<void (*)()>(::GetProcAddress(dll, name)));
}

struct LibraryCloser {
  void operator()(HMODULE dll) const { ::FreeLibrary(dll); }
};

// The signal of Wi-Fi interface `guid` in dBm, from the WLAN AutoConfig service. wlanapi.dll is
// loaded only here, from System32: Server editions and Windows PE lack it, and linking it
// would stop examready.exe from starting there.
std::optional<double> wlan_rssi_dbm(const GUID& guid) {
  const std::unique_ptr<std::remove_pointer_t<HMODULE>, LibraryCloser> dll(
      ::LoadLibraryExW(L"wlanapi.dll", nullptr, LOAD_LIBRARY_SEARCH_SYSTEM32));
  if (!dll) return std::nullopt;
  using OpenHandle = DWORD(WINAPI*)(DWORD, PVOID, PDWORD, PHANDLE);
  using CloseHandle = DWORD(WINAPI*)(HANDLE, PVOID);
  using QueryInterface = DWORD(WINAPI*)(HANDLE, const GUID*, WLAN_INTF_OPCODE, PVOID, PDWORD,
                                        PVOID*, PWLAN_OPCODE_VALUE_TYPE);
  using FreeMemory = VOID(WINAPI*)(PVOID);
  const auto open = dll_function<OpenHandle>(dll.get(), "WlanOpenHandle");
  const auto close = dll_function<CloseHandle>(dll.get(), "WlanCloseHandle");
  const auto query = dll_function<QueryInterface>(dll.get(), "WlanQueryInterface");
  const auto free_memory = dll_function<FreeMemory>(dll.get(), "WlanFreeMemory");
  if (!open || !close || !query || !free_memory) return std::nullopt;

  constexpr DWORD kClientVersion = 2;  // Vista and later
  DWORD negotiated = 0;
  HANDLE client = nullptr;
  // Fails with ERROR_SERVICE_NOT_ACTIVE when the WLAN AutoConfig service is stopped.
  if (open(kClientVersion, nullptr, &negotiated, &client) != ERROR_SUCCESS) return std::nullopt;
  DWORD size = 0;
  void* data = nullptr;
  std::optional<double> dbm;
  // Answers for the connected network only; not connected is ERROR_INVALID_STATE.
  if (query(client, &guid, wlan_intf_opcode_rssi, nullptr, &size, &data, nullptr) ==
          ERROR_SUCCESS &&
      data != nullptr && size >= sizeof(LONG)) {
    const LONG rssi = *static_cast<const LONG*>(data);
    if (rssi < 0 && rssi > -120) dbm = rssi;  // the range /proc/net/wireless is held to
  }
  if (data != nullptr) free_memory(data);
  close(client, nullptr);
  return dbm;
}

// `ip` as a socket address for GetBestInterfaceEx; false when it is not a numeric address.
bool numeric_address(const std::string& ip, sockaddr_storage& out) {
  auto* v4 = reinterpret_cast<sockaddr_in*>(&out);
  if (::inet_pton(AF_INET, ip.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    return true;
  }
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&out);
  if (::inet_pton(AF_INET6, ip.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    return true;
  }
  return false;
}

bool is_loopback(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    return reinterpret_cast<const unsigned char*>(&v4.sin_addr)[0] == 127;
  }
  return IN6_IS_ADDR_LOOPBACK(&reinterpret_cast<const sockaddr_in6&>(address).sin6_addr);
}

}  // namespace
}  // namespace windows

std::optional<RouteInfo> route_to(Host& /*local machine only*/, const std::string& ip) {
  sockaddr_storage destination{};
  if (!windows::numeric_address(ip, destination)) return std::nullopt;
  RouteInfo info;
  // Loopback never leaves the machine, whatever the tables say: Wine 8 answers
  // GetBestInterfaceEx for 127.0.0.1 with the default route's interface (like Linux's
  // /proc/net/route, it does not see the local table).
  if (windows::is_loopback(destination)) {
    info.iface = "loopback";
    info.kind = {std::nullopt, "loopback"};
    return info;
  }
  DWORD index = 0;
  // The interface of the best route, as the stack would choose it (metrics, VPN routes).
  // Wine 8 answers ERROR_NOT_SUPPORTED for every IPv6 address (and has no GetBestRoute2).
  if (::GetBestInterfaceEx(reinterpret_cast<sockaddr*>(&destination), &index) != NO_ERROR) {
    return std::nullopt;
  }
  MIB_IF_ROW2 row{};
  row.InterfaceIndex = index;
  if (const DWORD rc = ::GetIfEntry2(&row); rc != NO_ERROR) {
    info.iface = "interface " + std::to_string(index);
    info.kind = {std::nullopt, "GetIfEntry2: " + windows::error_text(rc)};
    return info;
  }
  // The alias is the name people see ("Wi-Fi", "Ethernet 2"); the description names the
  // adapter ("Intel(R) Wi-Fi 6 AX201 160MHz").
  info.iface = windows::narrow(row.Alias);
  if (info.iface.empty()) info.iface = windows::narrow(row.Description);
  info.kind = windows::classify_interface(row.Type, row.PhysicalMediumType);
  if (info.kind.type == "wifi") {
    info.wifi_signal_dbm = windows::wlan_rssi_dbm(row.InterfaceGuid);
    info.signal_source = "WlanQueryInterface (wlan_intf_opcode_rssi)";
  }
  return info;
}

}  // namespace examready::platform
