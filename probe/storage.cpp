// The `storage` check on the local machine: statvfs of --data-dir (default: home).
#include "probe/storage.h"

#include "probe/android/identity.h"
#include "probe/ios/ios_checks.h"

#include <cerrno>

namespace examready::probe {

Outcome run_storage_check(CheckContext& ctx) {
  switch (ctx.options().transport) {
    case Transport::kAdb:
    case Transport::kGetpropText:
      return android::run_storage_check(ctx);
    case Transport::kIos:
      return ios::run_storage_check(ctx);
    default:
      break;
  }
  const std::string& dir = ctx.options().data_dir;
  if (dir.empty()) return Outcome::error("no data directory to measure (set --data-dir)");
  platform::VolumeResult volume = ctx.host().volume_stats(dir);
  if (!volume.stats) {
    if (volume.error_number == EACCES || volume.error_number == EPERM) return Outcome::denied(volume.error);
    return Outcome::error(volume.error);
  }
  ctx.emit(MetricId::kStorageFreeBytes, static_cast<std::int64_t>(volume.stats->free_bytes), "statvfs");
  ctx.emit(MetricId::kStorageTotalBytes, static_cast<std::int64_t>(volume.stats->total_bytes), "statvfs");
  return Outcome::ok();
}

}  // namespace examready::probe
