// The `device` check on the machine examready runs on (phones: probe/android/device.cpp,
// probe/ios/device.cpp).
#pragma once

#include "probe/check.h"

namespace examready::probe {

Outcome run_device_check(CheckContext& ctx);

}  // namespace examready::probe
