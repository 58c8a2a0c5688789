// The getprop parsers on dumps captured from real phones and published (see
// tests/fixtures/android/captured/SOURCES.md): what each dump really says, field by field.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "platform/android/android_facts.h"
#include "platform/android/getprop.h"
#include "tests/support/fixtures.h"

using namespace examready::platform::android;
using examready::test::read_fixture;

namespace {

struct Captured {
  const char* file;
  std::size_t properties;  // lines of the dump that are properties
  const char* family;
  const char* version;
  std::optional<int> sdk;
  const char* harmonyos;
  const char* vendor_ui;  // "" = the text names no skin
  const char* vendor_ui_version;
  const char* abi;
  const char* brand;
  const char* model;
  const char* codename;
  const char* class_hint;
};

// Each value below is read off the dump itself; where the capture is a grep subset the
// missing facts stay empty rather than guessed.
const Captured kCaptured[] = {
    // Redmi 9 (EEA): three grep runs with prompts and markdown indentation; no brand or
    // release line, but the MIUI build number and the base fingerprint say Redmi, MIUI 12.0.
    {"redmi9_m2004j19c_galahad_miui12", 11, "android", "", std::nullopt, "", "miui", "12.0", "",
     "redmi", "M2004J19C", "", ""},
    // Honor 30 Pro+: a grep subset without the EMUI line, so no skin is claimed.
    {"honor_ebg-an10_30proplus_a10", 25, "android", "", 29, "", "", "", "", "honor", "EBG-AN10", "",
     ""},
    // Mate 9 on HarmonyOS 2.0: hw_sc.* build lines only; brand from the fingerprint, the
    // board name from ro.build.product.
    {"huawei_mha-al00_mate9_harmonyos2", 55, "harmonyos", "2.0.0", 28, "2.0.0", "emui", "9.1.0", "",
     "huawei", "", "MHA", ""},
    // MatePad Pro tablet on EMUI 14.2 (Android 12).
    {"huawei_wgr-w09_matepadpro_emui14", 9, "android", "12", 31, "", "emui", "14.2.0", "arm64-v8a",
     "", "WGR-W09", "", "tablet"},
    // OPPO R15 on ColorOS 5.0, values annotated after the closing bracket.
    {"oppo_paam00_r15_coloros5", 63, "android", "8.1.0", 27, "", "coloros", "5.0", "arm64-v8a",
     "oppo", "PAAM00", "PAAM00", ""},
    // Galaxy S5 Neo, a complete dump from Samsung's pre-One UI firmware (Android 6.0.1).
    {"samsung_sm-g903f_s5neo_a6", 431, "android", "6.0.1", 23, "", "", "", "armeabi-v7a", "samsung",
     "SM-G903F", "s5neolte", ""},
};

}  // namespace

TEST_CASE("captured getprop dumps: OS family, versions, skin, identity") {
  for (const auto& c : kCaptured) {
    INFO(c.file);
    const auto props =
        parse_getprop(read_fixture(std::string("android/captured/") + c.file + ".getprop.txt"));
    CHECK(props.size() == c.properties);
    const auto os = android_os_facts(props);
    CHECK(os.family == c.family);
    CHECK(os.version == c.version);
    CHECK(os.sdk_level == c.sdk);
    CHECK(os.harmonyos_version == c.harmonyos);
    CHECK(os.vendor_ui == c.vendor_ui);
    CHECK(os.vendor_ui_version == c.vendor_ui_version);
    CHECK(os.abi == c.abi);
    const auto dev = android_device_facts(props);
    CHECK(dev.brand == c.brand);
    CHECK(dev.model == c.model);
    CHECK(dev.codename == c.codename);
    CHECK(dev.class_hint == c.class_hint);
  }
}

TEST_CASE("captured: notes typed after a value's bracket do not swallow the next lines") {
  const auto props =
      parse_getprop(read_fixture("android/captured/oppo_paam00_r15_coloros5.getprop.txt"));
  CHECK(prop(props, "ro.build.version.release") == "8.1.0");  // "[8.1.0]//系统版本"
  CHECK(prop(props, "ro.build.version.sdk") == "27");         // "[27]//系统SDK版本"
  CHECK(prop(props, "ro.build.version.security_patch") == "2018-05-05");
  CHECK(prop(props, "ro.product.model") == "PAAM00");       // "[PAAM00]/"
  CHECK(prop(props, "ro.product.manufacturer") == "OPPO");  // "[OPPO]//制造商"
  CHECK(prop(props, "ro.vendor.product.brand") == "OPPO");  // "[OPPO]/品牌"
  CHECK(prop(props, "ro.build.soft.majorversion").empty());
  CHECK(props.count("ro.build.soft.majorversion") == 1);
}

TEST_CASE("captured: pasted shell prompts and indentation are skipped, values kept") {
  const auto props =
      parse_getprop(read_fixture("android/captured/redmi9_m2004j19c_galahad_miui12.getprop.txt"));
  CHECK(prop(props, "ro.build.version.incremental") == "V12.0.1.0.QJCEUXM");
  CHECK(prop(props, "vendor.gsm.project.baseband") == "HUAQIN_Q0MP1_MT6769_SP(LWCTG_CUSTOM)");
  CHECK(props.count("galahad:/ # getprop  | grep -i model") == 0);
}

TEST_CASE("captured: HarmonyOS 2 on a Mate 9 keeps its Android release and EMUI level") {
  const auto os = android_os_facts(
      parse_getprop(read_fixture("android/captured/huawei_mha-al00_mate9_harmonyos2.getprop.txt")));
  CHECK(os.name == "HarmonyOS");
  CHECK(os.android_release == "9");
  // hw_sc.build.os.version says 2.1.0 (the API framework); the platform version is the
  // HarmonyOS release the phone shows in Settings.
  CHECK(os.harmonyos_version == "2.0.0");
}

TEST_CASE("captured: the complete Samsung dump's SIM slot") {
  const auto props =
      parse_getprop(read_fixture("android/captured/samsung_sm-g903f_s5neo_a6.getprop.txt"));
  CHECK(sim_state(prop(props, "gsm.sim.state")) == "absent");
  CHECK(prop(props, "ro.serialno") == "redacted");
}

TEST_CASE("getprop: an annotation after the bracket, and a value that really spans lines") {
  const auto props = parse_getprop(
      "[a]: [1]  // note\n"
      "[b]: [x]y\n"
      "continued]\n"
      "[c]: [2] \n"
      "[d]: [last]/");
  CHECK(prop(props, "a") == "1");
  CHECK(prop(props, "b") == "x]y\ncontinued");  // the next line is no property: still one value
  CHECK(prop(props, "c") == "2");
  CHECK(prop(props, "d") == "last");
}

TEST_CASE("Xiaomi build numbers name the skin when the skin property is missing") {
  auto os =
      android_os_facts(parse_getprop("[ro.build.version.incremental]: [V12.5.3.0.RJOMIXM]\n"
                                     "[ro.product.brand]: [Redmi]\n"));
  CHECK(os.vendor_ui == "miui");
  CHECK(os.vendor_ui_version == "12.5");
  os = android_os_facts(parse_getprop("[ro.build.version.incremental]: [OS1.0.5.0.UNCCNXM]\n"));
  CHECK(os.vendor_ui == "hyperos");
  CHECK(os.vendor_ui_version == "1.0");
  // Not a Xiaomi build number, or not a Xiaomi phone: no skin from it.
  os = android_os_facts(parse_getprop("[ro.build.version.incremental]: [V1.2.3]\n"));
  CHECK(os.vendor_ui == "stock");
  os =
      android_os_facts(parse_getprop("[ro.build.version.incremental]: [V12.0.1.0.QJCEUXM]\n"
                                     "[ro.product.brand]: [samsung]\n"));
  CHECK(os.vendor_ui.empty());
}
