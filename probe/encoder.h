// The `encoder` check on the machine examready runs on: run in the examready-media helper
// (probe/media/encoder.cpp does the work). Phones over adb: probe/android/encoder.cpp.
#pragma once

#include "probe/check.h"

namespace examready::probe {

Outcome run_encoder_check(CheckContext& ctx);

}  // namespace examready::probe
