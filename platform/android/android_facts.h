// What getprop says about the OS and the device: family (Android or HarmonyOS),
// versions, vendor skin, brand/model/codename and the tablet hint.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/android/getprop.h"

namespace examready::platform::android {

struct AndroidOsFacts {
  std::string family;             // android | harmonyos
  std::string name;               // Android, HarmonyOS, MIUI, HyperOS, ColorOS…
  std::string version;            // Android release, or the HarmonyOS version
  std::string android_release;    // ro.build.version.release (also on HarmonyOS)
  std::optional<int> sdk_level;   // ro.build.version.sdk
  std::string harmonyos_version;  // empty unless HarmonyOS
  std::string
      vendor_ui;  // miui, hyperos, emui, magicos, coloros, originos, funtouchos, oneui, stock;
                  // empty when a skinned brand's text names no skin (a grep subset, TouchWiz)
  std::string vendor_ui_version;  // "12.5", "1.0", "4.1"; empty when unknown
  std::string abi;                // ro.product.cpu.abi
};
AndroidOsFacts android_os_facts(const PropertyMap& props);

struct AndroidDeviceFacts {
  std::string manufacturer;  // as reported: "Xiaomi", "HUAWEI"
  std::string brand;         // lower case: "redmi", "huawei"
  std::string model;         // "M2003J15SG"
  std::string codename;      // "merlin"
  std::string class_hint;    // "tablet" when ro.build.characteristics says so, else ""
};
AndroidDeviceFacts android_device_facts(const PropertyMap& props);

// gsm.sim.state, one entry per slot ("ABSENT,READY"), reduced to the first slot that
// has a card: ready, locked or absent; nullopt when it cannot be told (NOT_READY, radio
// off, unparsed, empty).
std::optional<std::string> sim_state(std::string_view gsm_sim_state);

// Numeric-looking prefix of a version string ("EmotionUI_10.1.0" -> "10.1.0"), or "".
std::string version_digits(std::string_view text);

}  // namespace examready::platform::android
