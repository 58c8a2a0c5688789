// The `storage` check on the local machine: statvfs of --data-dir (default: home).
#include "probe/storage.h"

#include <cerrno>

namespace examready::probe {

Outcome run_storage_check(CheckContext& ctx) {
  if (ctx.options().transport != Transport::kLocal) {
    return Outcome::unsupported("storage comes from the phone transport");
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
