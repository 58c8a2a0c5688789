// The `camera` check of a phone over adb: camera count and best resolution from the HAL's
// stream configurations (dumpsys media.camera).
#include "probe/android/checks.h"

#include "platform/android/dumpsys.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {

namespace pa = platform::android;

Outcome run_camera_check(CheckContext& ctx) {
  Outcome failure;
  auto out = shell_complete(ctx, {"dumpsys", "media.camera"}, failure);
  if (!out) return failure;
  const auto dump = pa::parse_dumpsys_media_camera(*out);
  if (!dump.count) return Outcome::error("dumpsys media.camera names no camera count (truncated?)");
  const std::string src = source(ctx, "dumpsys media.camera");
  ctx.emit(MetricId::kCameraCount, static_cast<std::int64_t>(*dump.count), src);
  if (dump.max_width_px && dump.max_height_px) {
    ctx.emit(MetricId::kCameraMaxWidthPx, static_cast<std::int64_t>(*dump.max_width_px), src);
    ctx.emit(MetricId::kCameraMaxHeightPx, static_cast<std::int64_t>(*dump.max_height_px), src);
    return Outcome::ok();
  }
  return Outcome::ok("no stream configurations in the camera dump: resolution unknown");
}

}  // namespace examready::probe::android
