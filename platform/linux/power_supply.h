// Power supplies as Linux shows them in /sys/class/power_supply: the pure part of the
// battery facts (platform/battery_facts.h).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "platform/battery_facts.h"

namespace examready::platform {

// One /sys/class/power_supply/<name> directory: attribute name -> value.
struct PowerSupply {
  std::string name;
  std::map<std::string, std::string> attributes;
};

// Combines every system battery (scope "Device" ones, such as a mouse's, are ignored);
// `Not charging` counts as charging when mains power is online (charge thresholds).
BatteryFacts battery_state(const std::vector<PowerSupply>& supplies);

}  // namespace examready::platform
