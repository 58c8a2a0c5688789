// Parts of the `phone` check that read one more dump each and can go without it: when the
// phone has no such service or refuses it, their metrics stay absent and `notes` says why.
// Each returns false (with `failure` set) only when the phone stopped answering.
#pragma once

#include <string>
#include <vector>

#include "probe/check.h"

namespace examready::probe::android {

// phone.screen_capture_active (dumpsys media_projection), phone.screen_casting (dumpsys display).
bool measure_screen_sharing(CheckContext& ctx, std::vector<std::string>& notes, Outcome& failure);

// phone.bluetooth_enabled, phone.wearables_bonded (dumpsys bluetooth_manager).
bool measure_bluetooth(CheckContext& ctx, std::vector<std::string>& notes, Outcome& failure);

}  // namespace examready::probe::android
