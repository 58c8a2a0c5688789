// The phone forms of the checks for Android/HarmonyOS (registry.cpp lists which transport
// runs which): over adb every one of them; from pasted getprop text only os and device.
#pragma once

#include "probe/check.h"

namespace examready::probe::android {

Outcome run_os_check(CheckContext& ctx);       // getprop (adb, pasted text)
Outcome run_device_check(CheckContext& ctx);   // getprop + device database (adb, pasted text)
Outcome run_storage_check(CheckContext& ctx);  // free bytes on /data
Outcome run_battery_check(CheckContext& ctx);  // dumpsys battery
Outcome run_camera_check(CheckContext& ctx);   // camera count and best resolution
Outcome run_encoder_check(CheckContext& ctx);  // hardware video encoders the vendor declares
Outcome run_network_check(CheckContext& ctx);  // default network type, Wi-Fi RSSI
Outcome run_phone_check(CheckContext& ctx);    // SIM, airplane, DND, alarms, screen lock, capture,
                                               // casting, Bluetooth wearables
Outcome run_apps_check(CheckContext& ctx);     // watched apps installed/running, camera/mic holders
// The apps check's extra time: one shell timeout per exam app whose version it reads.
std::chrono::milliseconds apps_deadline_extension(const ProbeOptions& options);
Outcome run_font_check(CheckContext& ctx);     // font scale

}  // namespace examready::probe::android
