// The `battery` check of a phone over adb (dumpsys battery).
#include "probe/android/checks.h"

#include "platform/android/dumpsys.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {

Outcome run_battery_check(CheckContext& ctx) {
  Outcome failure;
  auto out = shell(ctx, {"dumpsys", "battery"}, failure);
  if (!out) return failure;
  const auto b = platform::android::parse_dumpsys_battery(*out);
  if (!b.level_percent && !b.present)
    return Outcome::error("dumpsys battery gave no battery state (truncated?)");
  const std::string src = source(ctx, "dumpsys battery");
  ctx.emit(MetricId::kBatteryPresent, b.present.value_or(true), src);
  if (b.level_percent) ctx.emit(MetricId::kBatteryLevelPercent, *b.level_percent, src);
  if (b.charging) ctx.emit(MetricId::kBatteryCharging, *b.charging, src);
  if (!b.level_percent) return Outcome::ok("dumpsys battery gave no level");
  return Outcome::ok();
}

}  // namespace examready::probe::android
