// Parsers of phone command output, on the committed device transcripts and on edge cases.
#include <catch2/catch.hpp>

#include "platform/android/adb_devices.h"
#include "platform/android/android_facts.h"
#include "platform/android/dumpsys.h"
#include "platform/android/getprop.h"
#include "platform/android/shell_text.h"
#include "tests/support/fixtures.h"

using namespace examready::platform::android;
using examready::test::read_fixture;

TEST_CASE("getprop: bracketed lines, multi-line values, truncation") {
  const auto props = parse_getprop(
      "[ro.product.model]: [M2003J15SG]\n"
      "[ro.empty]: []\n"
      "[persist.sys.motd]: [first line\n"
      "second line]\n"
      "[ro.build.version.release]: [10]\r\n"
      "garbage line\n"
      "[ro.cut]: [no closing brack");
  CHECK(prop(props, "ro.product.model") == "M2003J15SG");
  CHECK(prop(props, "ro.empty").empty());
  CHECK(props.count("ro.empty") == 1);
  CHECK(prop(props, "persist.sys.motd") == "first line\nsecond line");
  CHECK(prop(props, "ro.build.version.release") == "10");
  CHECK(props.count("ro.cut") == 0);
  CHECK(props.size() == 4);
}

TEST_CASE("getprop: build.prop style key=value lines") {
  const auto props = parse_getprop(
      "# begin build properties\nro.product.brand=Redmi\nro.product.model = M2003J15SG\n");
  CHECK(prop(props, "ro.product.brand") == "Redmi");
  CHECK(prop(props, "ro.product.model") == "M2003J15SG");
}

// A dump saved by Windows Notepad starts with a byte-order mark, which hid the first property
// (a one-line paste gave "no properties found"); an old Mac clipboard ends lines with a lone CR,
// which made every property after the first part of the first one's value.
TEST_CASE("getprop: a byte-order mark and lone CR line ends") {
  CHECK(parse_getprop("\xEF\xBB\xBF[ro.product.model]: [M2003J15SC]\n") ==
        PropertyMap{{"ro.product.model", "M2003J15SC"}});
  CHECK(parse_getprop("[ro.product.brand]: [Redmi]\r[ro.product.model]: [M2003J15SC]\r") ==
        PropertyMap{{"ro.product.brand", "Redmi"}, {"ro.product.model", "M2003J15SC"}});
  CHECK(parse_getprop("[a]: [line one\rline two]\r") == PropertyMap{{"a", "line one\nline two"}});
}

struct OsCase {
  const char* fixture;
  const char* family;
  const char* version;
  int sdk;
  const char* vendor_ui;
  const char* vendor_ui_version;
  const char* brand;
  const char* model;
  const char* codename;
  const char* class_hint;
};

TEST_CASE("getprop of each vendor: OS family, versions, skin, identity") {
  const OsCase cases[] = {
      {"android/redmi_note9_miui12/getprop.txt", "android", "10", 29, "miui", "12", "redmi",
       "M2003J15SG", "merlin", ""},
      {"android/getprop/redmi_note9_miui125_a11.txt", "android", "11", 30, "miui", "12.5", "redmi",
       "M2003J15SG", "merlin", ""},
      {"android/getprop/xiaomi14_hyperos1.txt", "android", "14", 34, "hyperos", "1.0", "xiaomi",
       "23127PN0CC", "houji", ""},
      {"android/huawei_pura70_harmonyos4/getprop.txt", "harmonyos", "4.2.0", 31, "emui", "14.2.0",
       "huawei", "ADY-AL00", "HWADY", ""},
      {"android/getprop/honor_magic5_magicos7.txt", "android", "13", 33, "magicos", "7.1.0",
       "honor", "PGT-AN00", "HNPGT", ""},
      {"android/oppo_reno11pro_coloros14/getprop.txt", "android", "14", 34, "coloros", "14.0.0",
       "oppo", "PJJ110", "OP5A0BL1", ""},
      {"android/vivo_x200_originos5/getprop.txt", "android", "15", 35, "originos", "5.0", "vivo",
       "V2415A", "PD2415", ""},
      {"android/samsung_s24_oneui61/getprop.txt", "android", "14", 34, "oneui", "6.1", "samsung",
       "SM-S9210", "e1q", ""},
      {"android/pixel6_stock/getprop.txt", "android", "13", 33, "stock", "", "google", "Pixel 6",
       "oriole", ""},
      {"android/xiaomi_pad5_miui13/getprop.txt", "android", "12", 31, "miui", "13.0", "xiaomi",
       "21051182C", "nabu", "tablet"},
      {"android/getprop/huawei_matepad11_harmonyos2.txt", "harmonyos", "2.0.0", 29, "emui",
       "11.0.0", "huawei", "DBY-W09", "HWDBY", "tablet"},
      {"android/getprop/samsung_tab_s7fe_oneui4.txt", "android", "12", 31, "oneui", "4.1",
       "samsung", "SM-T730", "gts7fewifi", "tablet"},
  };
  for (const auto& c : cases) {
    INFO(c.fixture);
    const auto props = parse_getprop(read_fixture(c.fixture));
    const auto os = android_os_facts(props);
    CHECK(os.family == c.family);
    CHECK(os.version == c.version);
    REQUIRE(os.sdk_level);
    CHECK(*os.sdk_level == c.sdk);
    CHECK(os.vendor_ui == c.vendor_ui);
    CHECK(os.vendor_ui_version == c.vendor_ui_version);
    CHECK(os.abi == "arm64-v8a");
    const auto dev = android_device_facts(props);
    CHECK(dev.brand == c.brand);
    CHECK(dev.model == c.model);
    CHECK(dev.codename == c.codename);
    CHECK(dev.class_hint == c.class_hint);
  }
}

TEST_CASE("getprop: the name the firmware gives the phone, and which property held it") {
  const struct {
    const char* fixture;
    const char* name;
    const char* property;
  } cases[] = {
      {"android/getprop/redmi_note9_miui125_a11.txt", "Redmi Note 9", "ro.product.marketname"},
      {"android/huawei_pura70_harmonyos4/getprop.txt", "HUAWEI Pura 70",
       "ro.config.marketing_name"},
      {"android/oppo_reno11pro_coloros14/getprop.txt", "OPPO Reno11 Pro",
       "ro.vendor.oplus.market.name"},
      {"android/vivo_x200_originos5/getprop.txt", "vivo X200", "ro.vivo.market.name"},
      {"android/captured/huawei_wgr-w09_matepadpro_emui14.getprop.txt", "HUAWEI MatePad Pro",
       "ro.config.marketing_name"},
      {"android/samsung_s24_oneui61/getprop.txt", "", ""},  // Samsung's firmware sets none
      {"android/pixel6_stock/getprop.txt", "", ""},
  };
  for (const auto& c : cases) {
    INFO(c.fixture);
    const auto dev = android_device_facts(parse_getprop(read_fixture(c.fixture)));
    CHECK(dev.own_name == c.name);
    CHECK(dev.own_name_property == c.property);
  }
  // The first property set is the firmware's answer; one that is no name is not taken, and no
  // later property stands in for it.
  const auto first = android_device_facts(parse_getprop(
      "[ro.vivo.market.name]: [vivo X200]\n[ro.product.marketname]: [Redmi Note 13]\n"));
  CHECK(first.own_name == "Redmi Note 13");
  const auto too_long = android_device_facts(parse_getprop(
      "[ro.product.marketname]: [" + std::string(101, 'x') + "]\n[ro.vivo.market.name]: [v]\n"));
  CHECK(too_long.own_name.empty());
  CHECK(too_long.own_name_property.empty());
  const auto control = android_device_facts(
      parse_getprop("[ro.config.marketing_name]: [HUAWEI \x1b]2;Mate\x07 60]\n"));
  CHECK(control.own_name.empty());
  const auto blank = android_device_facts(
      parse_getprop("[ro.product.marketname]: [  ]\n[ro.vivo.market.name]: [vivo X200]\n"));
  CHECK(blank.own_name == "vivo X200");  // an empty value is no answer
}

TEST_CASE("HarmonyOS keeps the Android release alongside its own version") {
  const auto os =
      android_os_facts(parse_getprop(read_fixture("android/huawei_pura70_harmonyos4/getprop.txt")));
  CHECK(os.name == "HarmonyOS");
  CHECK(os.harmonyos_version == "4.2.0");
  CHECK(os.android_release == "12");
}

TEST_CASE("SIM state over slots") {
  CHECK(sim_state("READY,ABSENT") == "ready");
  CHECK(sim_state("ABSENT,LOADED") == "ready");
  CHECK(sim_state("ABSENT,ABSENT") == "absent");
  CHECK(sim_state("PIN_REQUIRED,ABSENT") == "locked");
  CHECK_FALSE(sim_state("NOT_READY,ABSENT"));
  CHECK_FALSE(sim_state(""));
  CHECK(sim_state("ABSENT") == "absent");
}

TEST_CASE("dumpsys battery: level, charging from status and power source") {
  auto b = parse_dumpsys_battery(read_fixture("android/redmi_note9_miui12/dumpsys_battery.txt"));
  CHECK(b.present == true);
  CHECK(b.level_percent == Approx(64));
  CHECK(b.charging == false);
  b = parse_dumpsys_battery(read_fixture("android/huawei_pura70_harmonyos4/dumpsys_battery.txt"));
  CHECK(b.charging == true);
  b = parse_dumpsys_battery(
      read_fixture("android/vivo_x200_originos5/dumpsys_battery.txt"));  // full, on USB
  CHECK(b.level_percent == Approx(100));
  CHECK(b.charging == true);
  b = parse_dumpsys_battery(
      read_fixture("android/xiaomi_pad5_miui13/dumpsys_battery.txt"));  // not charging, unplugged
  CHECK(b.charging == false);
  b = parse_dumpsys_battery(
      "Current Battery Service state:\n  AC powered: false\n  USB powered: tr");
  CHECK_FALSE(b.level_percent);
  CHECK_FALSE(b.charging);
  // A level beyond its scale is no charge at all: unknown (it was clamped to 100 %).
  CHECK_FALSE(parse_dumpsys_battery("  level: 250\n  scale: 100\n").level_percent);
  CHECK_FALSE(parse_dumpsys_battery("  level: -1\n  scale: 100\n").level_percent);
  CHECK(parse_dumpsys_battery("  level: 50\n  scale: 200\n").level_percent == Approx(25));
}

TEST_CASE("stat -f and df of /data") {
  auto v = parse_stat_f("4096 6178355 12763312\n");
  REQUIRE(v);
  CHECK(v->free_bytes == 6178355ull * 4096);
  CHECK(v->total_bytes == 12763312ull * 4096);
  CHECK_FALSE(parse_stat_f("stat: /data: Permission denied"));
  CHECK_FALSE(parse_stat_f("4096 9 5"));                    // more free than total: not believable
  CHECK_FALSE(parse_stat_f("4096 1 9223372036854775807"));  // beyond 64 bits in bytes
  // Found by fuzzing: df took its numbers from whatever followed the header line.
  CHECK_FALSE(
      parse_df_k("Filesystem 1K-blocks Used Available Use% Mounted on\n"
                 "/dev/block/dm-5 100 1 200 1% /data\n"));
  CHECK_FALSE(
      parse_df_k("Filesystem 1K-blocks Used Available Use% Mounted on\n"
                 "/dev/block/dm-5 9223372036854775807 1 2 1% /data\n"));
  v = parse_df_k(read_fixture("android/oppo_reno11pro_coloros14/df.txt"));
  REQUIRE(v);
  CHECK(v->free_bytes == 14823016ull * 1024);
  // A long device name wraps the numbers onto the next line.
  v = parse_df_k(
      "Filesystem 1K-blocks Used Available Use% Mounted "
      "on\n/dev/block/bootdevice/by-name/userdata\n 25956164 13031676 12793416 51% /data\n");
  REQUIRE(v);
  CHECK(v->total_bytes == 25956164ull * 1024);
}

TEST_CASE("dumpsys media.camera: count, best output size, clients") {
  auto d = parse_dumpsys_media_camera(
      read_fixture("android/redmi_note9_miui12/dumpsys_media.camera.txt"));
  CHECK(d.count == 3);
  CHECK(d.max_width_px == 8000);
  CHECK(d.max_height_px == 6000);
  CHECK(d.client_packages.empty());
  d = parse_dumpsys_media_camera(
      read_fixture("android/oppo_reno11pro_coloros14/dumpsys_media.camera.txt"));
  CHECK(d.count == 3);
  CHECK(d.max_width_px == 8192);
  CHECK(d.client_packages == std::vector<std::string>{"com.tencent.mm"});
  d = parse_dumpsys_media_camera(
      read_fixture("android/samsung_s24_oneui61/dumpsys_media.camera.txt"));
  CHECK(d.count == 4);
  CHECK(d.max_width_px == 8160);  // the 50 MP telephoto sensor
  // A size beyond any sensor is junk: its area overflowed 64 bits (undefined behaviour).
  d = parse_dumpsys_media_camera(
      "Number of camera devices: 1\nandroid.scaler.availableStreamConfigurations (int32[]):\n"
      "[33 9999999999 9999999999 OUTPUT ]\n[35 1920 1080 OUTPUT ]\n\n");
  CHECK(d.max_width_px == 1920);
  CHECK(d.max_height_px == 1080);
}

TEST_CASE("dumpsys audio: live recording clients only") {
  CHECK(parse_audio_recording_packages(
            read_fixture("android/oppo_reno11pro_coloros14/dumpsys_audio.txt")) ==
        std::vector<std::string>{"com.tencent.mm"});
  // vivo: the music app's capture is silenced by the policy: not holding the microphone.
  CHECK(
      parse_audio_recording_packages(read_fixture("android/vivo_x200_originos5/dumpsys_audio.txt"))
          .empty());
  // Pixel (Android 13): DingTalk's recorder exists but is stopped ("active? false").
  CHECK(parse_audio_recording_packages(read_fixture("android/pixel6_stock/dumpsys_audio.txt"))
            .empty());
  // The event log after the monitor repeats past sessions: they are not live clients.
  CHECK(parse_audio_recording_packages(read_fixture("android/redmi_note9_miui12/dumpsys_audio.txt"))
            .empty());
  CHECK(parse_audio_recording_packages(
            "RecordActivityMonitor dump time: 3:02:44 PM\n"
            "  session:12 -- source client=MIC, dev=16bit -- uid:10001 -- patch:3 -- pack:com.a -- "
            "silenced:false\n"
            "\n\nAudio event log: recording activity received by AudioService\n"
            "11-24 15:01:58:812 rec start riid:2 uid:10002 session:14 src:MIC pack:com.b\n") ==
        std::vector<std::string>{"com.a"});
}

TEST_CASE("network type and Wi-Fi RSSI") {
  CHECK(parse_default_network_type(
            read_fixture("android/redmi_note9_miui12/dumpsys_connectivity.txt")) == "wifi");
  CHECK(parse_default_network_type(read_fixture(
            "android/oppo_reno11pro_coloros14/dumpsys_connectivity.txt")) == "cellular");
  CHECK(parse_default_network_type("Active default network: none\n") == "none");
  CHECK(parse_default_network_type("NetworkFactories for:\nActive default network: 104\n  "
                                   "NetworkAgentInfo [WIFI () - 104]\n") == "wifi");
  CHECK_FALSE(parse_default_network_type(""));
  // A line cut right after the bracket has no transport (front() of no words was UB).
  CHECK_FALSE(
      parse_default_network_type("Active default network: 100\nNetworkAgentInfo network{100} "
                                 "[\n"));
  CHECK(parse_wifi_rssi_dbm(read_fixture("android/redmi_note9_miui12/dumpsys_wifi.txt")) == -58);
  CHECK(parse_wifi_rssi_dbm(read_fixture("android/pixel6_stock/dumpsys_wifi.txt")) == -71);
  CHECK_FALSE(parse_wifi_rssi_dbm(
      read_fixture("android/oppo_reno11pro_coloros14/dumpsys_wifi.txt")));  // disconnected
}

TEST_CASE("pm list packages, ps -A, settings") {
  const auto pkgs =
      parse_pm_packages(read_fixture("android/redmi_note9_miui12/pm_list_packages.txt"));
  CHECK(std::binary_search(pkgs.begin(), pkgs.end(), "com.tencent.mm"));
  CHECK(parse_pm_packages("package:/data/app/~~x==/com.example-1/base.apk=com.example\n") ==
        std::vector<std::string>{"com.example"});
  const auto procs = parse_ps_names(read_fixture("android/oppo_reno11pro_coloros14/ps_A.txt"));
  CHECK(std::binary_search(procs.begin(), procs.end(), "com.tencent.mm"));
  CHECK_FALSE(std::binary_search(procs.begin(), procs.end(), "com.tencent.mm:push"));
  CHECK(parse_ps_names("/system/bin/sh: ps: Permission denied").empty());
  CHECK(parse_setting("null\n") == std::nullopt);
  CHECK(parse_setting("1.15\n") == "1.15");
}

TEST_CASE("media_codecs XML: hardware video encoders only") {
  CHECK(parse_hardware_video_encoders(
            read_fixture("android/samsung_s24_oneui61/vendor_etc/media_codecs_pineapple.xml")) ==
        std::vector<std::string>{"c2.qti.avc.encoder", "c2.qti.hevc.encoder"});
  // Nested <Type> elements (older OMX files).
  CHECK(
      parse_hardware_video_encoders(
          read_fixture("android/vivo_x200_originos5/vendor_etc/media_codecs.xml")) ==
      std::vector<std::string>{"c2.mtk.avc.encoder", "c2.mtk.hevc.encoder", "c2.mtk.vp8.encoder"});
  // Google's software codecs and audio encoders are not hardware video encoders.
  CHECK(parse_hardware_video_encoders(
            read_fixture("android/pixel6_stock/vendor_etc/media_codecs_google_c2_video.xml"))
            .empty());
  // Decoders and commented-out encoders do not count; truncation keeps complete entries.
  CHECK(parse_hardware_video_encoders(
            "<MediaCodecs><Encoders><!-- <MediaCodec name=\"OMX.x.enc\" type=\"video/avc\"/> -->"
            "<MediaCodec name=\"c2.qti.avc.encoder\" type=\"video/avc\"></MediaCodec></Encoders>"
            "<Decoders><MediaCodec name=\"c2.qti.avc.decoder\" type=\"video/avc\"/></Decoders>"
            "<Encoders><MediaCodec name=\"c2.qti.hevc.enc") ==
        std::vector<std::string>{"c2.qti.avc.encoder"});
}

TEST_CASE("adb devices: parsing and choosing") {
  const auto devices = parse_adb_devices(
      "* daemon not running; starting now at tcp:5037\n* daemon started successfully\n"
      "List of devices attached\n"
      "8f3a2c1d               device usb:1-1 product:merlin_global model:M2003J15SG device:merlin "
      "transport_id:1\n"
      "R5CR10XQ4KJ            unauthorized usb:1-2 transport_id:2\n"
      "0123456789ABCDEF       no permissions (user in plugdev group; are your udev rules wrong?); "
      "see [http://developer.android.com/tools/device.html] usb:1-3 transport_id:3\n"
      "emulator-5554\toffline\n\n");
  REQUIRE(devices.size() == 4);
  CHECK(devices[0].model == "M2003J15SG");
  CHECK(devices[2].state == "no permissions");
  CHECK(devices[3].state == "offline");

  auto pick = pick_adb_device({}, "");
  CHECK(pick.error == AdbPickError::kNoDevice);
  pick = pick_adb_device(devices, "");
  CHECK(pick.error == AdbPickError::kSeveral);
  CHECK(pick.message.find("8f3a2c1d") != std::string::npos);
  CHECK(pick.message.find("R5CR10XQ4KJ") != std::string::npos);
  pick = pick_adb_device(devices, "8f3a2c1d");
  REQUIRE(pick.device);
  CHECK(pick.device->serial == "8f3a2c1d");
  pick = pick_adb_device(devices, "R5CR10XQ4KJ");
  CHECK(pick.error == AdbPickError::kUnauthorized);
  CHECK(pick.message.find("accept the USB debugging prompt") != std::string::npos);
  CHECK(pick_adb_device(devices, "emulator-5554").error == AdbPickError::kOffline);
  CHECK(pick_adb_device(devices, "0123456789ABCDEF").error == AdbPickError::kNoPermission);
  CHECK(pick_adb_device(devices, "nope").error == AdbPickError::kNotFound);

  // A wireless-debugging service name with a blank in it is one serial.
  const auto wireless = parse_adb_devices(
      "List of devices attached\n"
      "adb-R5CR10XQ4KJ-Tq3eXr (2)._adb-tls-connect._tcp device product:merlin_global "
      "model:M2003J15SG device:merlin transport_id:4\n"
      "adb-8F3A2C1D-abcdef._adb-tls-connect._tcp\tunauthorized\n");
  REQUIRE(wireless.size() == 2);
  CHECK(wireless[0].serial == "adb-R5CR10XQ4KJ-Tq3eXr (2)._adb-tls-connect._tcp");
  CHECK(wireless[0].state == "device");
  CHECK(wireless[0].model == "M2003J15SG");
  CHECK(wireless[1].state == "unauthorized");
  pick = pick_adb_device(wireless, "adb-R5CR10XQ4KJ-Tq3eXr (2)._adb-tls-connect._tcp");
  REQUIRE(pick.device);
  CHECK(pick.device->model == "M2003J15SG");
}

TEST_CASE("adb devices: a broken adb listing a million phones gets a short message") {
  std::string listing = "List of devices attached\n";
  for (int i = 0; i < 100'000; ++i) listing += "SER" + std::to_string(i) + "\tdevice\n";
  const auto devices = parse_adb_devices(listing);
  REQUIRE(devices.size() == 100'000);
  const auto several = pick_adb_device(devices, "");
  CHECK(several.error == AdbPickError::kSeveral);
  CHECK(several.message.size() < 1000);
  CHECK(several.message.find("and 99984 more") != std::string::npos);
  const auto missing = pick_adb_device(devices, "nope");
  CHECK(missing.message.size() < 1000);
  CHECK(missing.message.find("99984 more") != std::string::npos);
}

TEST_CASE("dumpsys alarm: next alarm clock per user") {
  CHECK(parse_alarm_clock_set(read_fixture("android/redmi_note9_miui12/dumpsys_alarm.txt")) ==
        true);
  CHECK(parse_alarm_clock_set(read_fixture("android/pixel6_stock/dumpsys_alarm.txt")) == false);
  CHECK(parse_alarm_clock_set("  Next alarm clock information: \n    user:0 pendingSend:false "
                              "time:0\n  Pending alarms per package:\n") == false);
  CHECK_FALSE(parse_alarm_clock_set("Current Alarm Manager state:\n  Settings:\n"));
}

TEST_CASE("dumpsys package: the version of the package's own entry, as printable text") {
  const std::string dump = read_fixture("android/vivo_x200_originos5/dumpsys_package.txt");
  CHECK(parse_package_version_name(dump, "cn.artstudent.app") == "5.4.6");
  // Another package's dump, or a package named only in other sections, gives nothing.
  CHECK_FALSE(parse_package_version_name(dump, "cn.artstudent"));
  CHECK_FALSE(
      parse_package_version_name("Dexopt state:\n  [cn.artstudent.app]\n", "cn.artstudent.app"));
  // The entry ends at the next package's and at the next section: their versions are not its.
  CHECK_FALSE(
      parse_package_version_name("Packages:\n  Package [a.b] (1):\n    appId=1\n"
                                 "  Package [c.d] (2):\n    versionName=9\n",
                                 "a.b"));
  CHECK_FALSE(
      parse_package_version_name("Packages:\n  Package [a.b] (1):\n    appId=1\n"
                                 "Queries:\n    versionName=9\n",
                                 "a.b"));
  CHECK_FALSE(
      parse_package_version_name("Packages:\n  Package [a.b] (1):\n    versionName=null\n", "a.b"));
  // The app writes its own version: escape sequences are made harmless, and it is cut.
  const auto hostile = parse_package_version_name(
      "Packages:\n  Package [a.b] (1):\n    versionName=1.0\x1b]52;c;AAAA\x07" +
          std::string(500, 'x') + "\n",
      "a.b");
  REQUIRE(hostile);
  CHECK(hostile->find('\x1b') == std::string::npos);
  CHECK(hostile->size() <= 64);
  // Nothing printable left is no version.
  CHECK_FALSE(parse_package_version_name(
      "Packages:\n  Package [a.b] (1):\n    versionName=\x1b\x1b\n", "a.b"));
}

TEST_CASE("getprop: no property with control bytes or beyond Android's sizes reaches a report") {
  const std::string huge(1 << 20, 'M');
  const std::string text = "[ro.product.model]: [" + huge + "]\n" +
                           std::string("[ro.product.brand]: [Red\0mi]\n", 29) +
                           "[ro.product.device]: [merlin]\n" + "[" + std::string(300, 'k') +
                           "]: [x]\n" + "[ro.build.version.release]: [10]\n";
  const PropertyMap props = parse_getprop(text);
  CHECK(props.count("ro.product.model") == 0);  // 1 MiB: not a model name
  CHECK(props.count("ro.product.brand") == 0);  // a NUL inside
  CHECK(prop(props, "ro.product.device") == "merlin");
  CHECK(prop(props, "ro.build.version.release") == "10");
  CHECK(props.size() == 2);
  // A value that never closes within the limit is skipped, and the lines after it still count.
  const PropertyMap unclosed =
      parse_getprop("[ro.a]: [" + std::string(5000, 'x') + "\n[ro.b]: [2]\n");
  CHECK(prop(unclosed, "ro.b") == "2");
}
