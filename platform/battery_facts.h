// The battery of the machine examready runs on, for the local `battery` check, read the way
// the OS keeps it (Linux: /sys/class/power_supply, platform/linux/power_supply.cpp).
#pragma once

#include <optional>
#include <string>

#include "platform/host.h"

namespace examready::platform {

struct BatteryFacts {
  bool present = false;
  std::optional<double> level_percent;  // energy-weighted over all system batteries
  std::optional<bool> charging;         // charging, or full/holding on external power
  std::string source;                   // "power_supply"
};

BatteryFacts read_battery_facts(Host& host);

}  // namespace examready::platform
