// The `phone` check: can a call, a notification or an alarm interrupt the recording, and
// will the screen lock during it (XYB-12, YSS-7, YSS-8).
#include "platform/android/android_facts.h"
#include "platform/android/dumpsys.h"
#include "platform/android/shell_text.h"
#include "core/text.h"
#include "probe/android/phone_checks.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {

namespace pa = platform::android;

Outcome run_phone_check(CheckContext& ctx) {
  if (!has_android_shell(ctx.options().transport)) {
    return not_on_this_transport(ctx.options().transport,
                                 "SIM, airplane mode and do-not-disturb state");
  }
  Outcome failure;
  bool failed = false;
  // gsm.sim.state is a comma list on multi-SIM phones ("ABSENT,READY").
  auto sim_text = shell(ctx, {"getprop", "gsm.sim.state"}, failure);
  if (!sim_text) return failure;
  const std::string sim = pa::sim_state(core::text::trim(*sim_text));
  ctx.emit(MetricId::kPhoneSimState, sim, source(ctx, "getprop gsm.sim.state"));

  auto airplane = setting(ctx, "global", "airplane_mode_on", failure, failed);
  if (failed) return failure;
  const bool airplane_on = airplane.value_or("0") == "1";
  ctx.emit(MetricId::kPhoneAirplaneMode, airplane_on,
           source(ctx, "settings global airplane_mode_on"));
  if (sim != "unknown") {
    ctx.emit(MetricId::kPhoneCanTakeCalls, sim == "ready" && !airplane_on,
             source(ctx, "gsm.sim.state+airplane_mode_on"));
  }

  // zen_mode: 0 off, 1 priority only, 2 total silence, 3 alarms only.
  auto zen = setting(ctx, "global", "zen_mode", failure, failed);
  if (failed) return failure;
  ctx.emit(MetricId::kPhoneDoNotDisturb, zen.value_or("0") != "0",
           source(ctx, "settings global zen_mode"));

  auto timeout = setting(ctx, "system", "screen_off_timeout", failure, failed);
  if (failed) return failure;
  if (timeout) {
    if (auto ms = core::text::to_int(*timeout)) {
      ctx.emit(MetricId::kPhoneScreenOffTimeoutMs, *ms,
               source(ctx, "settings system screen_off_timeout"));
    }
  }

  // An alarm clock rings over the recording (YSS-8).
  auto alarm = shell(ctx, {"dumpsys", "alarm"}, failure);
  if (!alarm) return failure;
  if (auto set = pa::parse_alarm_clock_set(*alarm)) {
    ctx.emit(MetricId::kPhoneAlarmSet, *set, source(ctx, "dumpsys alarm"));
    return Outcome::ok();
  }
  return Outcome::ok("dumpsys alarm has no alarm clock section: alarms unknown");
}

Outcome run_font_check(CheckContext& ctx) {
  if (!has_android_shell(ctx.options().transport))
    return not_on_this_transport(ctx.options().transport, "font settings");
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
  // that adb cannot read, so font.family is left unmeasured rather than guessed.
  return Outcome::ok("the font family is not readable over adb; only the scale is measured");
}

}  // namespace examready::probe::android
