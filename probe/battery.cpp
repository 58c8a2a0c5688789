// The `battery` check on the local machine: present, level, charging.
#include "probe/battery.h"

#include "platform/battery_facts.h"

namespace examready::probe {

Outcome run_battery_check(CheckContext& ctx) {
  const platform::BatteryFacts battery = platform::read_battery_facts(ctx.host());
  if (!battery.present) {
    return Outcome::unsupported("no battery (desktop, VM or container): runs on mains power only");
  }
  ctx.emit(MetricId::kBatteryPresent, true, battery.source);
  if (battery.level_percent) {
    ctx.emit(MetricId::kBatteryLevelPercent, *battery.level_percent, battery.source);
  }
  if (battery.charging) ctx.emit(MetricId::kBatteryCharging, *battery.charging, battery.source);
  return Outcome::ok();
}

}  // namespace examready::probe
