// The `battery` check of an iPhone/iPad: com.apple.mobile.battery.
#include "probe/ios/checks.h"

#include "probe/ios/lockdown.h"

namespace examready::probe::ios {

Outcome run_battery_check(CheckContext& ctx) {
  Outcome failure;
  auto v = query(ctx, {"ideviceinfo", "-q", "com.apple.mobile.battery"}, failure);
  if (!v) return failure;
  const IosBattery b = ios_battery(*v);
  if (!b.level_percent)
    return Outcome::error("com.apple.mobile.battery has no BatteryCurrentCapacity");
  const std::string src = "ios:com.apple.mobile.battery";
  ctx.emit(MetricId::kBatteryPresent, true, src);
  ctx.emit(MetricId::kBatteryLevelPercent, *b.level_percent, src);
  if (b.charging) ctx.emit(MetricId::kBatteryCharging, *b.charging, src);
  return Outcome::ok();
}

}  // namespace examready::probe::ios
