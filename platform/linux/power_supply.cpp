// The battery facts on Linux, from /sys/class/power_supply.
#include "platform/linux/power_supply.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "platform/sysfs.h"

namespace examready::platform {
namespace {

constexpr const char* kPowerSupplyDir = "/sys/class/power_supply";

std::optional<double> number(const std::map<std::string, std::string>& attrs, const char* key) {
  auto it = attrs.find(key);
  if (it == attrs.end() || it->second.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(it->second.c_str(), &end);
  // strtod also reads "inf", "nan" and "1e999": no battery figure.
  if (end == it->second.c_str() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string attr(const std::map<std::string, std::string>& attrs, const char* key) {
  auto it = attrs.find(key);
  return it == attrs.end() ? std::string() : it->second;
}

}  // namespace

BatteryFacts battery_state(const std::vector<PowerSupply>& supplies) {
  BatteryFacts state;
  state.source = "power_supply";
  bool mains_online = false;
  double weighted_level = 0, weight = 0;
  bool any_charging = false, any_discharging = false, any_not_charging = false;

  for (const auto& supply : supplies) {
    const auto& a = supply.attributes;
    const std::string type = attr(a, "type");
    if (type == "Mains" || type == "USB" || type == "USB_C" || type == "USB_PD") {
      if (attr(a, "online") == "1") mains_online = true;
      continue;
    }
    if (type != "Battery" || attr(a, "scope") == "Device") continue;
    if (attr(a, "present") == "0") continue;
    state.present = true;

    std::optional<double> level = number(a, "capacity");
    std::optional<double> full = number(a, "energy_full");
    if (!full) full = number(a, "charge_full");
    if (!level) {
      std::optional<double> now = number(a, "energy_now");
      if (!now) now = number(a, "charge_now");
      if (now && full && *full > 0) level = 100.0 * *now / *full;
    }
    // A driver's figures are kept a percentage and a sane weight, so the weighted sum stays
    // finite (found by fuzzing: 100 * now / full overflowed to an infinite level).
    if (level && std::isfinite(*level)) {
      const double w = full && *full > 0 && *full < 1e12 ? *full : 1.0;
      weighted_level += std::clamp(*level, 0.0, 100.0) * w;
      weight += w;
    }
    const std::string status = attr(a, "status");
    if (status == "Charging" || status == "Full")
      any_charging = true;
    else if (status == "Discharging")
      any_discharging = true;
    else if (status == "Not charging")
      any_not_charging = true;
  }
  if (weight > 0) state.level_percent = weighted_level / weight;
  if (state.present) {
    if (any_discharging)
      state.charging = false;
    else if (any_charging)
      state.charging = true;
    else if (any_not_charging)
      state.charging = mains_online;
    else if (mains_online)
      state.charging = true;
  }
  return state;
}

BatteryFacts read_battery_facts(Host& host) {
  std::vector<PowerSupply> supplies;
  for (const auto& name : host.list_dir(kPowerSupplyDir)) {
    supplies.push_back({name, read_attribute_dir(host, std::string(kPowerSupplyDir) + "/" + name)});
  }
  return battery_state(supplies);
}

}  // namespace examready::platform
