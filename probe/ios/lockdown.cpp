// Lockdown values over libimobiledevice (`ideviceinfo`) for the iOS checks, and the pure
// readings of the disk-usage and battery domains.
#include "probe/ios/lockdown.h"

#include "core/text.h"
#include "platform/ios/ideviceinfo.h"

namespace examready::probe::ios {
namespace {

namespace text = core::text;
constexpr std::chrono::milliseconds kTimeout{5000};

}  // namespace

std::string get(const LockdownValues& v, std::string_view key) {
  auto it = v.find(key);
  return it == v.end() ? std::string() : it->second;
}

std::optional<LockdownValues> query(CheckContext& ctx, const std::vector<std::string>& argv,
                                    Outcome& failure) {
  platform::CommandResult r = ctx.host().run_command(argv, kTimeout);
  // ideviceinfo prints "ERROR: No device found!" on stdout with exit 255.
  if (!r.ok() || r.out.rfind("ERROR", 0) == 0) {
    failure =
        Outcome::error(platform::ios::describe_ios_failure(r.out, r.err, r.timed_out, r.started));
    return std::nullopt;
  }
  auto values = platform::ios::parse_ideviceinfo(r.out);
  if (values.empty()) {
    failure = Outcome::error("ideviceinfo gave no values");
    return std::nullopt;
  }
  return values;
}

IosDiskUsage ios_disk_usage(const LockdownValues& v) {
  IosDiskUsage d;
  // AmountDataAvailable excludes the space iOS reserves for itself; older versions
  // only report TotalDataAvailable.
  d.free_bytes = text::to_int(get(v, "AmountDataAvailable"));
  if (!d.free_bytes) d.free_bytes = text::to_int(get(v, "TotalDataAvailable"));
  d.total_bytes = text::to_int(get(v, "TotalDataCapacity"));
  if (!d.total_bytes) d.total_bytes = text::to_int(get(v, "TotalDiskCapacity"));
  return d;
}

IosBattery ios_battery(const LockdownValues& v) {
  IosBattery b;
  if (auto level = text::to_int(get(v, "BatteryCurrentCapacity")))
    b.level_percent = static_cast<double>(*level);
  const std::string charging = get(v, "BatteryIsCharging");
  if (!charging.empty()) {
    b.charging = charging == "true" ||
                 (get(v, "ExternalConnected") == "true" && get(v, "FullyCharged") == "true");
  }
  return b;
}

}  // namespace examready::probe::ios
