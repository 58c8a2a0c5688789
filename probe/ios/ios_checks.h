// The os, device, storage and battery checks for an iPhone/iPad over libimobiledevice
// (lockdown values from `ideviceinfo`). The generic checks dispatch here by transport.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "probe/check.h"

namespace examready::probe::ios {

using LockdownValues = std::map<std::string, std::string, std::less<>>;

struct IosDiskUsage {
  std::optional<std::int64_t> free_bytes, total_bytes;
};
IosDiskUsage ios_disk_usage(const LockdownValues& disk_usage_domain);

struct IosBattery {
  std::optional<double> level_percent;
  std::optional<bool> charging;
};
IosBattery ios_battery(const LockdownValues& battery_domain);

Outcome run_os_check(CheckContext& ctx);
Outcome run_device_check(CheckContext& ctx);
Outcome run_storage_check(CheckContext& ctx);
Outcome run_battery_check(CheckContext& ctx);

}  // namespace examready::probe::ios
