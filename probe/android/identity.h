// The os and device checks for Android/HarmonyOS phones (adb or pasted getprop) and
// storage/battery over adb. The generic checks in probe/ dispatch here by transport.
#pragma once

#include "probe/check.h"

namespace examready::probe::android {

Outcome run_os_check(CheckContext& ctx);
Outcome run_device_check(CheckContext& ctx);
Outcome run_storage_check(CheckContext& ctx);
Outcome run_battery_check(CheckContext& ctx);

}  // namespace examready::probe::android
