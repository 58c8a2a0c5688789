// Checks that only phones answer (over adb today; an on-device build keeps them and
// swaps the Host): phone state, watched apps, font, and the phone's camera, encoders
// and network (the last three are reached through the `camera`, `encoder` and `network`
// checks, which dispatch on the transport). On other transports they are `unsupported`.
#pragma once

#include "probe/check.h"

namespace examready::probe::android {

Outcome run_phone_check(CheckContext& ctx);    // SIM, airplane mode, do-not-disturb, screen-off timeout
Outcome run_apps_check(CheckContext& ctx);     // watched apps installed/running, camera/mic holders
Outcome run_font_check(CheckContext& ctx);     // font scale
Outcome run_camera_check(CheckContext& ctx);   // camera count and best resolution
Outcome run_encoder_check(CheckContext& ctx);  // hardware video encoders the vendor declares
Outcome run_network_check(CheckContext& ctx);  // default network type, Wi-Fi RSSI

}  // namespace examready::probe::android
