// The `battery` check on the machine examready runs on (phones: probe/android/battery.cpp,
// probe/ios/battery.cpp).
#pragma once

#include "probe/check.h"

namespace examready::probe {

Outcome run_battery_check(CheckContext& ctx);

}  // namespace examready::probe
