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
  // The marketing name the firmware gives the phone ("HUAWEI Pura 80", "Redmi Note 13 Pro")
  // and the property that held it (kOwnNameProperties); empty where none does.
  std::string own_name;
  std::string own_name_property;
};
AndroidDeviceFacts android_device_facts(const PropertyMap& props);

// Where the makers' firmware keeps the phone's marketing name, the first that is set wins:
// Xiaomi/Redmi/POCO (MIUI 12.5 on, HyperOS) ro.product.marketname and its partition copies;
// Huawei and Honor ro.config.marketing_name; OPPO, OnePlus and realme (ColorOS 11 on)
// ro.vendor.oplus.market.enname (the English name) and .name, older OPPO ro.oppo.market.name;
// vivo and iQOO ro.vivo.market.name; ASUS ro.asus.product.mkt_name. Samsung and Pixel firmware
// set none. The first of them the dump holds is the answer, taken only if it is a plausible
// name (at most 100 bytes, no control characters, no bidirectional overrides). (A value with
// control bytes never reaches here: the getprop parser leaves such properties out, so the next
// property is read in its place.)
inline constexpr std::string_view kOwnNameProperties[] = {
    "ro.product.marketname",    "ro.product.vendor.marketname",  "ro.product.odm.marketname",
    "ro.config.marketing_name", "ro.vendor.oplus.market.enname", "ro.vendor.oplus.market.name",
    "ro.oppo.market.name",      "ro.vivo.market.name",           "ro.asus.product.mkt_name",
};

// gsm.sim.state, one entry per slot ("ABSENT,READY"), reduced to the first slot that
// has a card: ready, locked or absent; nullopt when it cannot be told (NOT_READY, radio
// off, unparsed, empty).
std::optional<std::string> sim_state(std::string_view gsm_sim_state);

// Numeric-looking prefix of a version string ("EmotionUI_10.1.0" -> "10.1.0"), or "".
std::string version_digits(std::string_view text);

}  // namespace examready::platform::android
