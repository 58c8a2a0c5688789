// The `storage` check of a phone over adb: free bytes on /data, where apps keep recordings.
#include "probe/android/checks.h"

#include "probe/android/phone_shell.h"
#include "probe/storage.h"

namespace examready::probe::android {

Outcome run_storage_check(CheckContext& ctx) {
  // /data holds every app's files: the exam apps record there, whatever the SD card.
  platform::VolumeResult v = ctx.host().volume_stats("/data");
  if (!v.stats) return volume_failure(v);
  const std::string src = source(ctx, "stat -f /data");
  ctx.emit(MetricId::kStorageFreeBytes, static_cast<std::int64_t>(v.stats->free_bytes), src);
  ctx.emit(MetricId::kStorageTotalBytes, static_cast<std::int64_t>(v.stats->total_bytes), src);
  return Outcome::ok();
}

}  // namespace examready::probe::android
