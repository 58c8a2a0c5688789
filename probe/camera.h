// The `camera` check on the machine examready runs on: run in the examready-media helper
// (probe/media/camera.cpp does the work). Phones over adb: probe/android/camera.cpp.
#pragma once

#include "probe/check.h"

namespace examready::probe {

Outcome run_camera_check(CheckContext& ctx);

}  // namespace examready::probe
