// The `os` check on the machine examready runs on (phones: probe/android/os.cpp,
// probe/ios/os.cpp).
#pragma once

#include "probe/check.h"

namespace examready::probe {

Outcome run_os_check(CheckContext& ctx);

}  // namespace examready::probe
