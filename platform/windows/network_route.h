// The route to the collector on Windows: the pure part, what kind of link an interface is from
// the numbers MIB_IF_ROW2 gives (platform/windows/network_route.cpp asks iphlpapi for them).
#pragma once

#include <cstdint>

#include "platform/network_route.h"

namespace examready::platform::windows {

// `if_type`: MIB_IF_ROW2::Type (the IANA ifType); `physical_medium`: its PhysicalMediumType
// (NDIS_PHYSICAL_MEDIUM), which names Wi-Fi and mobile broadband adapters that call
// themselves Ethernet (NDIS 5 drivers, USB modems). The detail names the numbers it used.
InterfaceKind classify_interface(std::uint32_t if_type, std::uint32_t physical_medium);

}  // namespace examready::platform::windows
