// The device database's facts as measurements of the device check (phone transports).
#pragma once

#include <string_view>

#include "probe/check.h"
#include "rules/devices/device_facts.h"

namespace examready::probe {

// Emits, from the shipped database:
//   device.db_match        always: "model", "codename", "identifier" or "none" (device-db)
//   device.brand           db brand when matched, else the lower-cased `brand` argument ("os")
//   device.class           db class, else the OS hint (see devices::device_facts), else not emitted
//   device.series, device.marketing_name, device.launch_year, device.price_tier
//                          only when matched (source "device-db")
// The caller emits the OS facts itself (device.vendor, device.model, device.codename) and
// must not emit device.brand or device.class: this function owns them. Returns the match so
// the caller can mention it in its outcome message.
devices::DeviceMatch emit_device_facts(CheckContext& ctx, std::string_view model, std::string_view codename,
                              std::string_view brand, std::string_view os_class_hint);

}  // namespace examready::probe
