// The phone's camera (count, best resolution from the HAL's stream configurations) and
// its hardware video encoders (declared in /vendor/etc/media_codecs*.xml).
#include <algorithm>

#include "platform/android/adb_host.h"
#include "platform/android/dumpsys.h"
#include "platform/android/shell_text.h"
#include "probe/android/phone_checks.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {

namespace pa = platform::android;

Outcome run_camera_check(CheckContext& ctx) {
  if (!has_android_shell(ctx.options().transport)) return not_on_this_transport(ctx.options().transport, "the cameras");
  Outcome failure;
  auto out = shell(ctx, {"dumpsys", "media.camera"}, failure);
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

Outcome run_encoder_check(CheckContext& ctx) {
  if (!has_android_shell(ctx.options().transport)) {
    return not_on_this_transport(ctx.options().transport, "the hardware encoders");
  }
  Outcome failure;
  constexpr const char* kDir = "/vendor/etc";
  auto listing = shell(ctx, {"ls", "-1", kDir}, failure);
  if (!listing) return failure;
  std::vector<std::string> files;
  std::size_t pos = 0;
  while (pos < listing->size()) {
    std::size_t end = listing->find('\n', pos);
    if (end == std::string::npos) end = listing->size();
    std::string name = listing->substr(pos, end - pos);
    pos = end + 1;
    while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
    // Performance files repeat codec names of other SoCs; the codec lists are the others.
    if (name.rfind("media_codecs", 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".xml" &&
        name.find("performance") == std::string::npos) {
      files.push_back(name);
    }
  }
  if (files.empty()) return Outcome::unsupported("no media_codecs*.xml in /vendor/etc");
  std::vector<std::string> encoders;
  for (const auto& file : files) {
    auto xml = shell(ctx, {"cat", std::string(kDir) + "/" + file}, failure);
    if (!xml) return failure;
    for (auto& name : pa::parse_hardware_video_encoders(*xml)) {
      if (std::find(encoders.begin(), encoders.end(), name) == encoders.end()) encoders.push_back(name);
    }
  }
  ctx.emit(MetricId::kEncoderHardwareCodecs, encoders, source(ctx, "/vendor/etc/media_codecs*.xml"));
  return Outcome::ok();
}

}  // namespace examready::probe::android
