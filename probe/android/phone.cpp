// The `phone` check: can a call, a notification or an alarm interrupt the recording, will
// the screen lock during it (XYB-12, YSS-7, YSS-8), is the screen recorded or cast, and are
// watches or bands bonded over Bluetooth (phone_sections.h).
#include "probe/android/checks.h"

#include <fmt/format.h>

#include "core/text.h"
#include "platform/android/android_facts.h"
#include "platform/android/dumpsys.h"
#include "probe/android/phone_sections.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {

namespace pa = platform::android;

Outcome run_phone_check(CheckContext& ctx) {
  Outcome failure;
  bool failed = false;
  // gsm.sim.state is a comma list on multi-SIM phones ("ABSENT,READY").
  auto sim_text = shell(ctx, {"getprop", "gsm.sim.state"}, failure);
  if (!sim_text) return failure;
  const std::optional<std::string> sim = pa::sim_state(core::text::trim(*sim_text));
  if (sim) ctx.emit(MetricId::kPhoneSimState, *sim, source(ctx, "getprop gsm.sim.state"));

  auto airplane = setting(ctx, "global", "airplane_mode_on", failure, failed);
  if (failed) return failure;
  const bool airplane_on = airplane.value_or("0") == "1";
  ctx.emit(MetricId::kPhoneAirplaneMode, airplane_on,
           source(ctx, "settings global airplane_mode_on"));
  if (sim) {
    ctx.emit(MetricId::kPhoneCanTakeCalls, *sim == "ready" && !airplane_on,
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
  std::vector<std::string> notes;
  if (auto set = pa::parse_alarm_clock_set(*alarm))
    ctx.emit(MetricId::kPhoneAlarmSet, *set, source(ctx, "dumpsys alarm"));
  else
    notes.push_back("dumpsys alarm has no alarm clock section: alarms unknown");

  if (!measure_screen_sharing(ctx, notes, failure)) return failure;
  if (!measure_bluetooth(ctx, notes, failure)) return failure;
  return Outcome::ok(fmt::format("{}", fmt::join(notes, "; ")));
}

}  // namespace examready::probe::android
