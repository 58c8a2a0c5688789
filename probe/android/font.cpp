// The `font` check of a phone over adb: the system font scale (XYB-11).
#include "probe/android/checks.h"

#include "core/text.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {

Outcome run_font_check(CheckContext& ctx) {
  Outcome failure;
  bool failed = false;
  auto scale_text = setting(ctx, "system", "font_scale", failure, failed);
  if (failed) return failure;
  // Unset means the user never moved the slider: the standard size.
  double scale = 1.0;
  if (scale_text) {
    auto parsed = core::text::to_double(*scale_text);
    if (!parsed || *parsed <= 0)
      return Outcome::error("unrecognised font_scale '" + *scale_text + "'");
    scale = *parsed;
  }
  ctx.emit(MetricId::kFontScale, scale, source(ctx, "settings system font_scale"));
  // Theme fonts (MIUI themes, Huawei/OPPO/vivo theme stores) live in app-private storage
  // that adb cannot read, so whether a theme font is in use stays unmeasured, not guessed.
  return Outcome::ok("theme fonts are not readable over adb; only the scale is measured");
}

}  // namespace examready::probe::android
