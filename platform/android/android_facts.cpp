// getprop -> OS and device facts. Vendor property names come from the firmware of each
// skin (MIUI, HyperOS, EMUI/HarmonyOS, MagicOS, ColorOS, OriginOS/Funtouch, One UI).
#include "platform/android/android_facts.h"

#include <string>
#include <utility>
#include <vector>

#include "core/text.h"

namespace examready::platform::android {

namespace text = core::text;
namespace {

// A marketing name is a few words: longer text in its property is not one.
constexpr std::size_t kMaxOwnNameBytes = 100;

std::string first_of(const PropertyMap& props, std::initializer_list<std::string_view> keys) {
  for (auto key : keys) {
    std::string value = std::string(text::trim(prop(props, key)));
    if (!value.empty()) return value;
  }
  return {};
}

// MIUI names its versions "V12", "V125" (12.5), "V130" (13.0), "V140".
std::string miui_version(std::string_view name) {
  if (!name.empty() && (name.front() == 'V' || name.front() == 'v')) name.remove_prefix(1);
  if (name.empty() || name.find_first_not_of("0123456789") != std::string_view::npos) return {};
  if (name.size() == 3) return std::string(name.substr(0, 2)) + "." + std::string(name.substr(2));
  return std::string(name);
}

// One UI encodes major*10000 + minor*100 + patch: 40100 -> 4.1, 50101 -> 5.1.1.
std::string oneui_version(std::string_view code) {
  auto value = text::to_int(code);
  if (!value || *value < 10000) return {};
  std::string out = std::to_string(*value / 10000) + "." + std::to_string(*value / 100 % 100);
  if (*value % 100 != 0) out += "." + std::to_string(*value % 100);
  return out;
}

// Xiaomi's build numbers name the skin even when a paste lacks ro.miui.ui.version.name:
// MIUI "V12.0.1.0.QJCEUXM" -> ("miui", "12.0"), HyperOS "OS1.0.5.0.UNCCNXM" -> ("hyperos",
// "1.0"). Four numbers then an upper-case region/build code, nothing else.
std::pair<std::string, std::string> xiaomi_skin_from_incremental(std::string_view inc) {
  std::string skin;
  if (text::starts_with(inc, "V")) {
    skin = "miui", inc.remove_prefix(1);
  } else if (text::starts_with(inc, "OS")) {
    skin = "hyperos", inc.remove_prefix(2);
  } else {
    return {};
  }
  std::vector<std::string_view> parts;
  for (std::size_t pos = 0; pos <= inc.size();) {
    auto dot = inc.find('.', pos);
    if (dot == std::string_view::npos) dot = inc.size();
    parts.push_back(inc.substr(pos, dot - pos));
    pos = dot + 1;
  }
  if (parts.size() != 5) return {};
  for (std::size_t i = 0; i < 4; ++i) {
    if (parts[i].empty() || parts[i].find_first_not_of("0123456789") != std::string_view::npos)
      return {};
  }
  if (parts[4].size() < 4 ||
      parts[4].find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos)
    return {};
  return {skin, std::string(parts[0]) + "." + std::string(parts[1])};
}

// Brands whose phones always ship a vendor skin over Android.
bool skinned_brand(std::string_view brand) {
  for (std::string_view b : {"xiaomi", "redmi", "poco", "huawei", "honor", "oppo", "realme",
                             "oneplus", "vivo", "iqoo", "samsung", "meizu"}) {
    if (brand == b) return true;
  }
  return false;
}

// The brand is the first field of a build fingerprint ("Redmi/galahad_eea/galahad:10/...").
std::string fingerprint_brand(std::string_view fingerprint) {
  const auto slash = fingerprint.find('/');
  if (slash == std::string_view::npos || slash == 0) return {};
  return std::string(fingerprint.substr(0, slash));
}

}  // namespace

std::string version_digits(std::string_view s) {
  const auto start = s.find_first_of("0123456789");
  if (start == std::string_view::npos) return {};
  std::string out;
  for (std::size_t i = start; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= '0' && c <= '9') ||
        (c == '.' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9')) {
      out += c;
    } else {
      break;
    }
  }
  return out;
}

AndroidOsFacts android_os_facts(const PropertyMap& props) {
  AndroidOsFacts f;
  f.android_release =
      first_of(props, {"ro.build.version.release", "ro.build.version.release_or_codename"});
  if (auto sdk = text::to_int(prop(props, "ro.build.version.sdk")))
    f.sdk_level = static_cast<int>(*sdk);
  f.abi = first_of(props, {"ro.product.cpu.abi", "ro.system.product.cpu.abilist64"});

  // HarmonyOS 2-4 on Huawei and Honor phones still answer adb and getprop; it names itself
  // through the hw_sc.* properties (ro.build.version.emui stays set alongside).
  f.harmonyos_version = version_digits(
      first_of(props, {"hw_sc.build.platform.version", "hw_sc.build.os.version",
                       "ro.huawei.build.version.harmonyos", "ro.build.version.harmonyos"}));
  f.family = f.harmonyos_version.empty() ? "android" : "harmonyos";
  f.version = f.harmonyos_version.empty() ? version_digits(f.android_release) : f.harmonyos_version;

  const std::string hyperos = first_of(props, {"ro.mi.os.version.name"});
  const std::string miui = first_of(props, {"ro.miui.ui.version.name"});
  const std::string emui = first_of(props, {"ro.build.version.emui"});
  const std::string magic = first_of(props, {"ro.build.version.magic"});
  const std::string coloros =
      first_of(props, {"ro.build.version.oplusrom", "ro.build.version.opporom"});
  const std::string vivo_display =
      first_of(props, {"ro.vivo.os.build.display.id", "ro.vivo.product.version"});
  const std::string vivo_version = first_of(props, {"ro.vivo.os.version"});
  const std::string vivo_name = text::lower(first_of(props, {"ro.vivo.os.name"}));
  const std::string oneui = first_of(props, {"ro.build.version.oneui"});

  // A grep-filtered paste may lack the skin's own properties but keep the build number.
  const std::string brand = text::lower(
      first_of(props, {"ro.product.brand", "ro.product.vendor.brand", "ro.product.manufacturer"}));
  const auto [xiaomi_skin, xiaomi_skin_version] =
      brand.empty() || brand == "xiaomi" || brand == "redmi" || brand == "poco"
          ? xiaomi_skin_from_incremental(first_of(props, {"ro.build.version.incremental"}))
          : std::pair<std::string, std::string>{};

  if (!hyperos.empty()) {  // HyperOS keeps the MIUI properties: test it first.
    f.vendor_ui = "hyperos", f.name = "HyperOS", f.vendor_ui_version = version_digits(hyperos);
  } else if (!miui.empty()) {
    f.vendor_ui = "miui", f.name = "MIUI", f.vendor_ui_version = miui_version(miui);
  } else if (!xiaomi_skin.empty()) {
    f.vendor_ui = xiaomi_skin, f.name = xiaomi_skin == "miui" ? "MIUI" : "HyperOS";
    f.vendor_ui_version = xiaomi_skin_version;
  } else if (!magic.empty()) {  // Honor's MagicOS also keeps ro.build.version.emui.
    f.vendor_ui = "magicos", f.name = "MagicOS", f.vendor_ui_version = version_digits(magic);
  } else if (!emui.empty()) {
    f.vendor_ui = "emui", f.name = "EMUI", f.vendor_ui_version = version_digits(emui);
  } else if (!coloros.empty()) {
    f.vendor_ui = "coloros", f.name = "ColorOS", f.vendor_ui_version = version_digits(coloros);
  } else if (text::lower(vivo_display).find("originos") != std::string::npos ||
             vivo_name == "vos") {
    f.vendor_ui = "originos", f.name = "OriginOS",
    f.vendor_ui_version = version_digits(vivo_version);
  } else if (!vivo_version.empty() || vivo_name.find("funtouch") != std::string::npos) {
    f.vendor_ui = "funtouchos", f.name = "Funtouch OS",
    f.vendor_ui_version = version_digits(vivo_version);
  } else if (!oneui.empty()) {
    f.vendor_ui = "oneui", f.name = "One UI", f.vendor_ui_version = oneui_version(oneui);
  } else if (skinned_brand(brand)) {
    // A Huawei or Samsung without its skin's property is a subset paste (or an old skin such
    // as TouchWiz), not stock Android: the vendor UI stays unmeasured rather than guessed.
    f.name = "Android";
  } else {
    f.vendor_ui = "stock", f.name = "Android";
  }
  if (f.family == "harmonyos") f.name = "HarmonyOS";
  return f;
}

AndroidDeviceFacts android_device_facts(const PropertyMap& props) {
  AndroidDeviceFacts f;
  // Android 10+ splits product properties by partition; the plain ones usually exist,
  // but some GSI-based builds leave only the vendor/odm copies meaningful.
  f.manufacturer = first_of(props, {"ro.product.manufacturer", "ro.product.vendor.manufacturer",
                                    "ro.product.odm.manufacturer"});
  f.brand = text::lower(
      first_of(props, {"ro.product.brand", "ro.product.vendor.brand", "ro.product.odm.brand"}));
  // Pasted subsets often keep only build lines: the fingerprint still names the brand.
  if (f.brand.empty()) {
    f.brand = text::lower(
        fingerprint_brand(first_of(props, {"ro.build.fingerprint", "ro.vendor.build.fingerprint",
                                           "ro.build.version.base_os"})));
  }
  f.model =
      first_of(props, {"ro.product.model", "ro.product.vendor.model", "ro.product.odm.model"});
  f.codename = first_of(props, {"ro.product.device", "ro.product.vendor.device",
                                "ro.product.odm.device", "ro.build.product"});
  if (text::lower(prop(props, "ro.build.characteristics")).find("tablet") != std::string::npos) {
    f.class_hint = "tablet";
  }
  for (std::string_view key : kOwnNameProperties) {
    std::string name(text::trim(prop(props, key)));
    if (name.empty()) continue;
    if (name.size() <= kMaxOwnNameBytes && text::printable(name) == name) {
      f.own_name = std::move(name);
      f.own_name_property = key;
    }
    break;  // the first one set is the firmware's answer, plausible or not
  }
  return f;
}

std::optional<std::string> sim_state(std::string_view gsm_sim_state) {
  bool any_locked = false, any_unknown = false, any_absent = false;
  std::size_t pos = 0;
  while (pos <= gsm_sim_state.size()) {
    std::size_t end = gsm_sim_state.find(',', pos);
    if (end == std::string_view::npos) end = gsm_sim_state.size();
    const std::string slot = text::lower(text::trim(gsm_sim_state.substr(pos, end - pos)));
    pos = end + 1;
    if (slot == "ready" || slot == "loaded" || slot == "imsi") return "ready";
    if (slot == "pin_required" || slot == "puk_required" || slot == "network_locked" ||
        slot == "perm_disabled" || slot == "card_restricted") {
      any_locked = true;
    } else if (slot == "absent") {
      any_absent = true;
    } else if (!slot.empty()) {
      any_unknown = true;  // not_ready, card_io_error, unknown
    }
  }
  if (any_locked) return "locked";
  if (any_unknown || !any_absent) return std::nullopt;
  return "absent";
}

}  // namespace examready::platform::android
