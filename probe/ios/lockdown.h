// Lockdown values of an iPhone/iPad over libimobiledevice (`ideviceinfo`), shared by the
// iOS forms of the checks, and the pure readings of their disk-usage and battery domains.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// The lockdown value of `key`, empty when absent.
std::string get(const LockdownValues& values, std::string_view key);

// Runs `ideviceinfo` (with argv's domain) on the phone; on failure sets `failure` and
// returns nullopt.
std::optional<LockdownValues> query(CheckContext& ctx, const std::vector<std::string>& argv,
                                    Outcome& failure);

}  // namespace examready::probe::ios
