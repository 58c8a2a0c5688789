// The `battery` check: level, charging, present.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "probe/check.h"

namespace examready::probe {

// One /sys/class/power_supply/<name> directory: attribute name -> value.
struct PowerSupply {
  std::string name;
  std::map<std::string, std::string> attributes;
};

struct BatteryState {
  bool present = false;
  std::optional<double> level_percent;  // energy-weighted over all system batteries
  std::optional<bool> charging;         // charging, or full/holding on external power
};

// Combines every system battery (scope "Device" ones, such as a mouse's, are ignored);
// `Not charging` counts as charging when mains power is online (charge thresholds).
BatteryState battery_state(const std::vector<PowerSupply>& supplies);

Outcome run_battery_check(CheckContext& ctx);

}  // namespace examready::probe
