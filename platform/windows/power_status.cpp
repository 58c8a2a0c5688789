// The battery on Windows: GetSystemPowerStatus (one figure for all system batteries).
#include <windows.h>

#include "platform/battery_facts.h"

namespace examready::platform {

BatteryFacts read_battery_facts(Host& /*local machine only*/) {
  BatteryFacts facts;
  facts.source = "GetSystemPowerStatus";
  SYSTEM_POWER_STATUS status{};
  if (!::GetSystemPowerStatus(&status)) return facts;
  constexpr BYTE kNoBattery = 128, kUnknown = 255, kCharging = 8;
  if (status.BatteryFlag == kUnknown || (status.BatteryFlag & kNoBattery)) return facts;
  facts.present = true;
  if (status.BatteryLifePercent <= 100) facts.level_percent = status.BatteryLifePercent;
  // Charging, or on mains power (full, or held below full by the charge limit).
  if (status.BatteryFlag & kCharging) {
    facts.charging = true;
  } else if (status.ACLineStatus != kUnknown) {
    facts.charging = status.ACLineStatus == 1;
  }
  return facts;
}

}  // namespace examready::platform
