// The device database's facts as measurements of the device check (phone transports).
#pragma once

#include <string_view>

#include "probe/check.h"
#include "rules/devices/device_facts.h"

namespace examready::probe {

// devices::emit_device_facts with the run's database (--devices, else the shipped one), into
// the check's measurements.
devices::DeviceMatch emit_device_facts(CheckContext& ctx, const devices::DeviceClues& clues);
devices::DeviceMatch emit_device_facts(CheckContext& ctx, std::string_view model,
                                       std::string_view codename, std::string_view brand,
                                       std::string_view os_class_hint,
                                       std::optional<devices::PanelFacts> panels = std::nullopt,
                                       std::optional<devices::YearRange> firmware_launch = {});

// The year for a launch range's latest end (devices::launch_range_from_first_api_level): the
// calendar year somewhere on Earth now (UTC+14), so that it is never before the local year.
int latest_possible_launch_year();

}  // namespace examready::probe
