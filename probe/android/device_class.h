// Device class (phone or tablet) and database facts for an Android/HarmonyOS device.
#pragma once

#include <string_view>

#include "platform/android/android_facts.h"
#include "probe/check.h"

namespace examready::probe::android {

// Emits device.class (and the device-database facts once a database is linked). The
// firmware's ro.build.characteristics is the strongest hint: tablets declare "tablet";
// phones declare "default" or "nosdcard". Without it the class is unknown, never a guess.
void emit_device_class(CheckContext& ctx, const platform::android::AndroidDeviceFacts& facts,
                       std::string_view characteristics);

}  // namespace examready::probe::android
