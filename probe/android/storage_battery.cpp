// storage (free bytes on /data, where apps keep recordings) and battery over adb.
#include "platform/android/dumpsys.h"
#include "probe/android/identity.h"
#include "probe/android/phone_shell.h"

#include <cerrno>

namespace examready::probe::android {

Outcome run_storage_check(CheckContext& ctx) {
  if (!has_android_shell(ctx.options().transport)) return not_on_this_transport(ctx.options().transport, "storage");
  // /data holds every app's files: the exam apps record there, whatever the SD card.
  platform::VolumeResult v = ctx.host().volume_stats("/data");
  if (!v.stats) {
    if (v.error_number == EACCES || v.error_number == EPERM) return Outcome::denied(v.error);
    return Outcome::error(v.error);
  }
  const std::string src = source(ctx, "stat -f /data");
  ctx.emit(MetricId::kStorageFreeBytes, static_cast<std::int64_t>(v.stats->free_bytes), src);
  ctx.emit(MetricId::kStorageTotalBytes, static_cast<std::int64_t>(v.stats->total_bytes), src);
  return Outcome::ok();
}

Outcome run_battery_check(CheckContext& ctx) {
  if (!has_android_shell(ctx.options().transport)) return not_on_this_transport(ctx.options().transport, "battery");
  Outcome failure;
  auto out = shell(ctx, {"dumpsys", "battery"}, failure);
  if (!out) return failure;
  const auto b = platform::android::parse_dumpsys_battery(*out);
  if (!b.level_percent && !b.present) return Outcome::error("dumpsys battery gave no battery state (truncated?)");
  const std::string src = source(ctx, "dumpsys battery");
  ctx.emit(MetricId::kBatteryPresent, b.present.value_or(true), src);
  if (b.level_percent) ctx.emit(MetricId::kBatteryLevelPercent, *b.level_percent, src);
  if (b.charging) ctx.emit(MetricId::kBatteryCharging, *b.charging, src);
  if (!b.level_percent) return Outcome::ok("dumpsys battery gave no level");
  return Outcome::ok();
}

}  // namespace examready::probe::android
