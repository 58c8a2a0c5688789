// Is the screen recorded, shared or mirrored right now (XYB: 考生不得截屏、录屏、投屏…否则将导致
// 考试自动终止)? A MediaProjection is what recording, screen-sharing and casting apps hold;
// a Wi-Fi Display (Miracast) mirrors the screen without one.
#include "platform/android/screen_dump.h"
#include "probe/android/phone_sections.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {

namespace pa = platform::android;

bool measure_screen_sharing(CheckContext& ctx, std::vector<std::string>& notes, Outcome& failure) {
  auto projection = optional_dumpsys(ctx, "media_projection", failure);
  if (!projection) return false;
  if (!projection->text) {
    notes.push_back("screen capture unknown: " + projection->unavailable);
  } else if (auto active = pa::parse_media_projection_active(*projection->text)) {
    ctx.emit(MetricId::kPhoneScreenCaptureActive, *active, source(ctx, "dumpsys media_projection"));
  } else {
    notes.push_back(
        "screen capture unknown: dumpsys media_projection has no 'Media Projection:' "
        "state (unrecognised or cut short)");
  }

  auto display = optional_dumpsys(ctx, "display", failure);
  if (!display) return false;
  if (!display->text) {
    notes.push_back("casting unknown: " + display->unavailable);
  } else if (auto casting = pa::parse_wireless_display_connected(*display->text)) {
    ctx.emit(MetricId::kPhoneScreenCasting, *casting, source(ctx, "dumpsys display"));
  } else {
    notes.push_back(
        "casting unknown: dumpsys display has no complete 'Display Devices:' list "
        "(unrecognised or cut short)");
  }
  return true;
}

}  // namespace examready::probe::android
