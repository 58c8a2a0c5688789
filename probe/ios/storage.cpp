// The `storage` check of an iPhone/iPad: com.apple.disk_usage.
#include "probe/ios/checks.h"

#include "probe/ios/lockdown.h"

namespace examready::probe::ios {

Outcome run_storage_check(CheckContext& ctx) {
  Outcome failure;
  auto v = query(ctx, {"ideviceinfo", "-q", "com.apple.disk_usage"}, failure);
  if (!v) return failure;
  const IosDiskUsage d = ios_disk_usage(*v);
  if (!d.free_bytes)
    return Outcome::error("com.apple.disk_usage has no AmountDataAvailable/TotalDataAvailable");
  const std::string src = "ios:com.apple.disk_usage";
  ctx.emit(MetricId::kStorageFreeBytes, *d.free_bytes, src);
  if (d.total_bytes) ctx.emit(MetricId::kStorageTotalBytes, *d.total_bytes, src);
  return Outcome::ok();
}

}  // namespace examready::probe::ios
