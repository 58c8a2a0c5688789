// The `storage` check on the local machine: statvfs of --data-dir (default: home).
#include "probe/storage.h"

#include <cerrno>

namespace examready::probe {

Outcome volume_failure(const platform::VolumeResult& volume) {
  if (volume.error_number == EACCES || volume.error_number == EPERM) {
    return Outcome::denied(volume.error);
  }
  return Outcome::error(volume.error);
}

Outcome run_storage_check(CheckContext& ctx) {
  const std::string& dir = ctx.options().data_dir;
  if (dir.empty()) return Outcome::error("no data directory to measure (set --data-dir)");
  const platform::VolumeResult volume = ctx.host().volume_stats(dir);
  if (!volume.stats) return volume_failure(volume);
  ctx.emit(MetricId::kStorageFreeBytes, static_cast<std::int64_t>(volume.stats->free_bytes), volume.source);
  ctx.emit(MetricId::kStorageTotalBytes, static_cast<std::int64_t>(volume.stats->total_bytes), volume.source);
  return Outcome::ok();
}

}  // namespace examready::probe
