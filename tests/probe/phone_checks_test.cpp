// The phone checks on recorded transcripts of real-world device types, through the same
// Host interface adb uses (a replaying FakeHost here; the fake adb in the CLI tests).
#include <catch2/catch.hpp>

#include "platform/android/adb_host.h"
#include "platform/android/getprop_text_host.h"
#include "platform/command.h"
#include "probe/android/checks.h"
#include "probe/android/phone_shell.h"
#include "probe/registry.h"
#include "tests/support/phone_replay.h"

using namespace examready;
using core::CheckStatus;
using core::MetricId;
using probe::CheckContext;

namespace {

struct Run {
  probe::Outcome outcome;
  std::vector<core::Measurement> measurements;

  const core::Value* get(MetricId id) const {
    for (const auto& m : measurements) {
      if (m.metric == id) return &m.value;
    }
    return nullptr;
  }
  template <class T>
  T as(MetricId id) const {
    const auto* v = get(id);
    if (!v)
      throw std::runtime_error("metric not emitted: " + std::string(core::metric_info(id).name));
    return std::get<T>(*v);
  }
};

// Runs the registry's form of `check` for the transport, as the runner does.
Run run(platform::Host& host, std::string_view check,
        core::Transport transport = core::Transport::kAdb, std::vector<std::string> watched = {},
        std::vector<std::string> exam_apps = {}) {
  probe::ProbeOptions options;
  options.transport = transport;
  options.watched_apps = std::move(watched);
  options.exam_apps = std::move(exam_apps);
  CheckContext ctx(host, options);
  Run r;
  const probe::CheckSpec* spec = probe::find_check(check);
  REQUIRE(spec);
  r.outcome = probe::run_on_transport(*spec, ctx);
  r.measurements = ctx.take_measurements();
  return r;
}

// A phone's transcript in which the shell command starting with `hung` never answers.
void replay_with_hung_command(test::FakeHost& host, const char* device, std::string hung) {
  const auto dir = test::fixture_path(std::string("android/") + device);
  host.set_command_handler([dir, hung](const std::vector<std::string>& argv) {
    if (argv.size() != 3 || !argv[2].starts_with(hung))
      return test::replay_phone_command(dir, argv);
    platform::CommandResult timed_out;
    timed_out.started = true;
    timed_out.timed_out = true;
    return timed_out;
  });
}

const std::vector<std::string> kWatch = {
    "com.tencent.mm",         "com.tencent.mobileqq",     "com.alibaba.android.rimet",
    "com.netease.cloudmusic", "com.ss.android.ugc.aweme", "tv.danmaku.bili"};

}  // namespace

TEST_CASE("every recorded device answers every phone check") {
  for (const char* device :
       {"redmi_note9_miui12", "huawei_pura70_harmonyos4", "oppo_reno11pro_coloros14",
        "vivo_x200_originos5", "samsung_s24_oneui61", "pixel6_stock", "xiaomi_pad5_miui13"}) {
    INFO(device);
    auto host = test::phone_replay_host(device);
    for (auto check : {"os", "device", "storage", "battery", "phone", "apps", "font", "camera",
                       "encoder", "network"}) {
      const Run r = run(*host, check, core::Transport::kAdb, kWatch);
      INFO(r.outcome.message);
      CHECK(r.outcome.status == CheckStatus::kOk);
      CHECK_FALSE(r.measurements.empty());
    }
  }
}

TEST_CASE("Redmi Note 9 over adb: what each check reports") {
  auto host = test::phone_replay_host("redmi_note9_miui12");
  auto os = run(*host, "os");
  CHECK(os.as<std::string>(MetricId::kOsFamily) == "android");
  CHECK(os.as<std::string>(MetricId::kOsVersion) == "10");
  CHECK(os.as<std::string>(MetricId::kOsKernel) == "4.14.141-perf+");
  auto dev = run(*host, "device");
  CHECK(dev.as<std::string>(MetricId::kDeviceBrand) == "redmi");
  CHECK(dev.as<std::string>(MetricId::kDeviceVendor) == "Xiaomi");
  CHECK(dev.as<std::string>(MetricId::kDeviceClass) == "phone");
  auto storage = run(*host, "storage");
  CHECK(storage.as<std::int64_t>(MetricId::kStorageFreeBytes) == 6178355LL * 4096);
  auto phone = run(*host, "phone");
  CHECK(phone.as<std::string>(MetricId::kPhoneSimState) == "ready");
  CHECK(phone.as<bool>(MetricId::kPhoneCanTakeCalls));
  CHECK_FALSE(phone.as<bool>(MetricId::kPhoneDoNotDisturb));
  CHECK(phone.as<std::int64_t>(MetricId::kPhoneScreenOffTimeoutMs) == 60000);
  CHECK(phone.as<bool>(MetricId::kPhoneAlarmSet));
  auto apps = run(*host, "apps", core::Transport::kAdb, kWatch);
  CHECK(apps.as<std::vector<std::string>>(MetricId::kAppsInstalledWatched) ==
        std::vector<std::string>{"com.tencent.mm", "com.tencent.mobileqq",
                                 "com.ss.android.ugc.aweme"});
  CHECK(apps.as<std::vector<std::string>>(MetricId::kAppsRunningWatched) ==
        std::vector<std::string>{"com.tencent.mm"});
  // WeChat's notifications are off (importance=NONE); QQ's and Douyin's were never changed.
  CHECK(apps.as<std::vector<std::string>>(MetricId::kAppsNotifyingWatched) ==
        std::vector<std::string>{"com.tencent.mobileqq", "com.ss.android.ugc.aweme"});
  // The list looked for goes with what was found: judged by another set, the report tells
  // the apps it never looked for from the apps it did not find.
  CHECK(apps.as<std::vector<std::string>>(MetricId::kAppsWatchList) == kWatch);
  CHECK(apps.get(MetricId::kAppsExamList) == nullptr);
  auto enc = run(*host, "encoder");
  CHECK(enc.as<std::vector<std::string>>(MetricId::kEncoderHardwareCodecs) ==
        std::vector<std::string>{"OMX.MTK.VIDEO.ENCODER.AVC", "OMX.MTK.VIDEO.ENCODER.HEVC",
                                 "OMX.MTK.VIDEO.ENCODER.MPEG4"});
  auto net = run(*host, "network");
  CHECK(net.as<std::string>(MetricId::kNetworkType) == "wifi");
  CHECK(net.as<double>(MetricId::kNetworkWifiSignalDbm) == -58);
}

TEST_CASE("phone state across devices") {
  struct Case {
    const char* device;
    const char* sim;
    bool airplane, dnd;
    std::optional<bool> can_call;
    double font_scale;
  };
  const Case cases[] = {
      {"huawei_pura70_harmonyos4", "absent", false, false, false, 1.0},
      {"oppo_reno11pro_coloros14", "ready", false, false, true, 1.0},
      {"vivo_x200_originos5", "ready", true, true, false, 1.0},
      {"samsung_s24_oneui61", "absent", false, true, false, 1.1},
      {"pixel6_stock", "ready", false, false, true, 1.0},
      {"xiaomi_pad5_miui13", nullptr, false, false, std::nullopt, 1.0},  // no SIM state told
  };
  for (const auto& c : cases) {
    INFO(c.device);
    auto host = test::phone_replay_host(c.device);
    auto phone = run(*host, "phone");
    if (c.sim) {
      CHECK(phone.as<std::string>(MetricId::kPhoneSimState) == c.sim);
    } else {
      CHECK(phone.get(MetricId::kPhoneSimState) == nullptr);
    }
    CHECK(phone.as<bool>(MetricId::kPhoneAirplaneMode) == c.airplane);
    CHECK(phone.as<bool>(MetricId::kPhoneDoNotDisturb) == c.dnd);
    if (c.can_call)
      CHECK(phone.as<bool>(MetricId::kPhoneCanTakeCalls) == *c.can_call);
    else
      CHECK(phone.get(MetricId::kPhoneCanTakeCalls) == nullptr);
    CHECK(run(*host, "font").as<double>(MetricId::kFontScale) == Approx(c.font_scale));
  }
}

TEST_CASE("apps: the exam apps installed and the version each shows") {
  const std::vector<std::string> exam = {"cn.artstudent.app"};
  auto vivo = test::phone_replay_host("vivo_x200_originos5");
  auto with_app = run(*vivo, "apps", core::Transport::kAdb, {}, exam);
  CHECK(with_app.outcome.status == CheckStatus::kOk);
  CHECK(with_app.as<std::vector<std::string>>(MetricId::kAppsExamInstalled) == exam);
  CHECK(with_app.as<std::vector<std::string>>(MetricId::kAppsExamList) == exam);
  CHECK(with_app.as<std::vector<std::string>>(MetricId::kAppsExamVersions) ==
        std::vector<std::string>{"cn.artstudent.app=5.4.6"});
  // An exam-app list alone names no other app.
  CHECK(with_app.get(MetricId::kAppsInstalledWatched) == nullptr);
  auto redmi = test::phone_replay_host("redmi_note9_miui12");
  auto without = run(*redmi, "apps", core::Transport::kAdb, kWatch, exam);
  CHECK(without.as<std::vector<std::string>>(MetricId::kAppsExamInstalled).empty());
  CHECK(without.as<std::vector<std::string>>(MetricId::kAppsExamVersions).empty());
  CHECK_FALSE(without.as<std::vector<std::string>>(MetricId::kAppsInstalledWatched).empty());
  // Without an exam-app list nothing is said about exam apps.
  CHECK(run(*vivo, "apps", core::Transport::kAdb, kWatch).get(MetricId::kAppsExamInstalled) ==
        nullptr);
}

TEST_CASE("apps: an exam app's version that does not come costs only the versions") {
  test::FakeHost host;
  replay_with_hung_command(host, "vivo_x200_originos5", "dumpsys package");
  const std::vector<std::string> exam = {"cn.artstudent.app"};
  auto apps = run(host, "apps", core::Transport::kAdb, kWatch, exam);
  CHECK(apps.outcome.status == CheckStatus::kOk);
  CHECK(apps.outcome.message.find("exam app versions from cn.artstudent.app on not read") !=
        std::string::npos);
  CHECK(apps.as<std::vector<std::string>>(MetricId::kAppsExamInstalled) == exam);
  CHECK(apps.as<std::vector<std::string>>(MetricId::kAppsExamVersions).empty());
  CHECK_FALSE(apps.as<std::vector<std::string>>(MetricId::kAppsInstalledWatched).empty());
  CHECK(apps.get(MetricId::kAppsCameraUsers) != nullptr);
  CHECK(apps.get(MetricId::kAppsMicrophoneUsers) != nullptr);
  // The check's deadline grows by one shell timeout per exam app whose version it reads (four
  // at most).
  probe::ProbeOptions options;
  options.exam_apps = {"a.a", "b.b"};
  CHECK(probe::android::apps_deadline_extension(options) == 2 * probe::android::kShellTimeout);
  options.exam_apps.assign(100, "c.c");
  CHECK(probe::android::apps_deadline_extension(options) == 4 * probe::android::kShellTimeout);
}

TEST_CASE("apps: notifications of the watched apps, read where the dump has them") {
  // Android 13: both watched apps installed on the Pixel have the permission revoked.
  auto pixel = run(*test::phone_replay_host("pixel6_stock"), "apps", core::Transport::kAdb, kWatch);
  CHECK(pixel.as<std::vector<std::string>>(MetricId::kAppsInstalledWatched).size() == 2);
  CHECK(pixel.as<std::vector<std::string>>(MetricId::kAppsNotifyingWatched).empty());
  // A phone whose notification service answers nothing readable: unknown, and said why.
  auto samsung =
      run(*test::phone_replay_host("samsung_s24_oneui61"), "apps", core::Transport::kAdb, kWatch);
  CHECK(samsung.outcome.status == CheckStatus::kOk);
  CHECK(samsung.get(MetricId::kAppsNotifyingWatched) == nullptr);
  CHECK(samsung.outcome.message.find("notification settings not read") != std::string::npos);
  // Without a watch list nothing is looked for.
  auto none = run(*test::phone_replay_host("redmi_note9_miui12"), "apps");
  CHECK(none.get(MetricId::kAppsNotifyingWatched) == nullptr);
}

TEST_CASE("apps: a notification dump that does not come costs only the notification settings") {
  test::FakeHost host;
  replay_with_hung_command(host, "redmi_note9_miui12", "dumpsys notification");
  auto apps = run(host, "apps", core::Transport::kAdb, kWatch);
  INFO(apps.outcome.message);
  CHECK(apps.outcome.status == CheckStatus::kOk);
  CHECK(apps.outcome.message.starts_with("notification settings not read: "));
  CHECK(apps.get(MetricId::kAppsNotifyingWatched) == nullptr);
  CHECK(apps.get(MetricId::kAppsCameraUsers) != nullptr);
  CHECK(apps.get(MetricId::kAppsMicrophoneUsers) != nullptr);
  CHECK(apps.as<std::vector<std::string>>(MetricId::kAppsRunningWatched) ==
        std::vector<std::string>{"com.tencent.mm"});
}

TEST_CASE("apps: camera and microphone holders, and no app names without a watch list") {
  auto host = test::phone_replay_host("oppo_reno11pro_coloros14");
  auto apps = run(*host, "apps");
  CHECK(apps.outcome.status == CheckStatus::kOk);
  CHECK(apps.get(MetricId::kAppsInstalledWatched) == nullptr);
  CHECK(apps.get(MetricId::kAppsRunningWatched) == nullptr);
  CHECK(apps.get(MetricId::kAppsWatchList) == nullptr);
  CHECK(apps.as<std::vector<std::string>>(MetricId::kAppsCameraUsers) ==
        std::vector<std::string>{"com.tencent.mm"});
  CHECK(apps.as<std::vector<std::string>>(MetricId::kAppsMicrophoneUsers) ==
        std::vector<std::string>{"com.tencent.mm"});
}

TEST_CASE("tablet class from the firmware's characteristics") {
  auto host = test::phone_replay_host("xiaomi_pad5_miui13");
  CHECK(run(*host, "device").as<std::string>(MetricId::kDeviceClass) == "tablet");
}

TEST_CASE("pasted getprop: device and OS only, everything else unsupported") {
  platform::android::GetpropTextHost host(
      test::read_fixture("android/redmi_note9_miui12/getprop.txt"));
  const auto t = core::Transport::kGetpropText;
  auto os = run(host, "os", t);
  CHECK(os.outcome.status == CheckStatus::kOk);
  CHECK(os.as<std::string>(MetricId::kOsVendorUi) == "miui");
  CHECK(os.get(MetricId::kOsKernel) == nullptr);
  CHECK(os.measurements.front().source == "getprop-text:getprop");
  auto dev = run(host, "device", t);
  CHECK(dev.as<std::string>(MetricId::kDeviceModel) == "M2003J15SG");
  for (auto check :
       {"storage", "battery", "phone", "apps", "font", "camera", "encoder", "network"}) {
    const Run r = run(host, check, t, kWatch);
    CHECK(r.outcome.status == CheckStatus::kUnsupported);
    CHECK(r.outcome.message.find("getprop") != std::string::npos);
    CHECK(r.measurements.empty());
  }
}

TEST_CASE("phone checks on the local transport are unsupported, not errors") {
  test::FakeHost host;
  for (auto check : {"phone", "apps"}) {
    CHECK(run(host, check, core::Transport::kLocal).outcome.status == CheckStatus::kUnsupported);
  }
}

TEST_CASE("failures: permission denied is denied, a vanished phone is an error") {
  test::FakeHost host;
  host.set_command_handler([](const std::vector<std::string>& argv) {
    platform::CommandResult r;
    r.started = true;
    r.exit_code = 1;
    if (argv[0] == "dumpsys")
      r.err = "adb: device '8f3a2c1d' not found\n";
    else
      r.err = argv[0] + ": " + argv.back() + ": Permission denied\n";
    return r;
  });
  auto enc = run(host, "encoder");
  CHECK(enc.outcome.status == CheckStatus::kDenied);
  auto bat = run(host, "battery");
  CHECK(bat.outcome.status == CheckStatus::kError);
  CHECK(bat.outcome.message.find("disconnected") != std::string::npos);
}

namespace {

// The command optional_dumpsys runs for SERVICE, as a test overrides it.
std::vector<std::string> dumpsys_argv(const std::string& service) {
  return {"sh", "-c", "dumpsys " + service + " && echo __examready_end__"};
}

platform::CommandResult answered(std::string out, int exit_code = 0, std::string err = {}) {
  platform::CommandResult r;
  r.started = true;
  r.exit_code = exit_code;
  r.out = std::move(out);
  r.err = std::move(err);
  return r;
}

}  // namespace

TEST_CASE("phone: screen capture, casting and Bluetooth wearables") {
  auto redmi = run(*test::phone_replay_host("redmi_note9_miui12"), "phone");
  CHECK(redmi.outcome.status == CheckStatus::kOk);
  CHECK(redmi.outcome.message.empty());
  CHECK_FALSE(redmi.as<bool>(MetricId::kPhoneScreenCaptureActive));
  CHECK_FALSE(redmi.as<bool>(MetricId::kPhoneScreenCasting));
  CHECK(redmi.as<bool>(MetricId::kPhoneBluetoothEnabled));
  CHECK(redmi.as<std::int64_t>(MetricId::kPhoneWearablesBonded) == 0);
  for (const auto& m : redmi.measurements) {
    if (m.metric == MetricId::kPhoneScreenCaptureActive)
      CHECK(m.source == "adb:dumpsys media_projection");
    if (m.metric == MetricId::kPhoneScreenCasting) CHECK(m.source == "adb:dumpsys display");
    if (m.metric == MetricId::kPhoneWearablesBonded)
      CHECK(m.source == "adb:dumpsys bluetooth_manager (device names)");
  }

  auto vivo = run(*test::phone_replay_host("vivo_x200_originos5"), "phone");
  CHECK(vivo.outcome.status == CheckStatus::kOk);
  CHECK(vivo.as<bool>(MetricId::kPhoneScreenCaptureActive));
  CHECK(vivo.as<bool>(MetricId::kPhoneScreenCasting));
  CHECK(vivo.as<bool>(MetricId::kPhoneBluetoothEnabled));
  CHECK(vivo.as<std::int64_t>(MetricId::kPhoneWearablesBonded) == 2);
  for (const auto& m : vivo.measurements) {
    if (m.metric == MetricId::kPhoneWearablesBonded)
      CHECK(m.source == "adb:dumpsys bluetooth_manager (class of device, else name)");
    // Counts only: no bonded device's name or address reaches the report.
    if (const auto* s = std::get_if<std::string>(&m.value)) {
      CHECK(s->find("WATCH") == std::string::npos);
      CHECK(s->find("8D:5F") == std::string::npos);
    }
  }
}

TEST_CASE("phone: a phone without the services still answers, and says what is unknown") {
  // pixel6_stock has no recorded media_projection, display or bluetooth_manager dump: the
  // replay answers as dumpsys does for a missing service.
  auto pixel = run(*test::phone_replay_host("pixel6_stock"), "phone");
  CHECK(pixel.outcome.status == CheckStatus::kOk);
  CHECK(pixel.get(MetricId::kPhoneAirplaneMode) != nullptr);
  for (auto id : {MetricId::kPhoneScreenCaptureActive, MetricId::kPhoneScreenCasting,
                  MetricId::kPhoneBluetoothEnabled, MetricId::kPhoneWearablesBonded}) {
    CHECK(pixel.get(id) == nullptr);
  }
  CHECK(pixel.outcome.message.find("screen capture unknown: this phone has no 'media_projection' "
                                   "service") != std::string::npos);
  CHECK(pixel.outcome.message.find("casting unknown: this phone has no 'display' service") !=
        std::string::npos);
  CHECK(pixel.outcome.message.find("Bluetooth unknown: this phone has no 'bluetooth_manager' "
                                   "service") != std::string::npos);
}

TEST_CASE("phone: each failure of the new dumps is an explicit outcome") {
  SECTION("refused or unrecognised: that metric is absent, the check says why") {
    auto host = test::phone_replay_host("vivo_x200_originos5");
    host->set_command(dumpsys_argv("media_projection"),
                      answered("Permission Denial: can't dump MediaProjectionManager from from "
                               "pid=8123, uid=2000\n__examready_end__\n"));
    host->set_command(dumpsys_argv("display"), answered("", 1, "dumpsys: display: Binder died\n"));
    host->set_command(
        dumpsys_argv("bluetooth_manager"),
        answered("Bluetooth Status\n  enabled: true\n  Bonded devices:\n"
                 "    XX:XX:XX:XX:3A:91 [ DUAL ][ 0x000704 ] w\n__examready_end__\n"));
    auto phone = run(*host, "phone");
    CHECK(phone.outcome.status == CheckStatus::kOk);
    CHECK(phone.get(MetricId::kPhoneScreenCaptureActive) == nullptr);
    CHECK(phone.get(MetricId::kPhoneScreenCasting) == nullptr);
    CHECK(phone.as<bool>(MetricId::kPhoneBluetoothEnabled));
    CHECK(phone.get(MetricId::kPhoneWearablesBonded) == nullptr);
    CHECK(phone.outcome.message.find("screen capture unknown: 'dumpsys media_projection': "
                                     "permission denied") != std::string::npos);
    CHECK(phone.outcome.message.find("casting unknown: 'dumpsys display' failed (exit 1") !=
          std::string::npos);
    CHECK(phone.outcome.message.find("no complete 'Bonded devices:' list") != std::string::npos);
  }
  SECTION("Bluetooth off: enabled=false, the bonded count unknown") {
    auto host = test::phone_replay_host("redmi_note9_miui12");
    host->set_command(dumpsys_argv("bluetooth_manager"),
                      answered("Bluetooth Status\n  enabled: false\n  state: OFF\n\n"
                               "Bluetooth Service not connected\n__examready_end__\n"));
    auto phone = run(*host, "phone");
    CHECK(phone.outcome.status == CheckStatus::kOk);
    CHECK_FALSE(phone.as<bool>(MetricId::kPhoneBluetoothEnabled));
    CHECK(phone.get(MetricId::kPhoneWearablesBonded) == nullptr);
    CHECK(phone.outcome.message.find("Bluetooth is off") != std::string::npos);
  }
  SECTION("a dump cut short (no end marker) fails the check, what was measured stays") {
    auto host = test::phone_replay_host("vivo_x200_originos5");
    host->set_command(dumpsys_argv("display"), answered("DISPLAY MANAGER (dumpsys display)\n"));
    auto phone = run(*host, "phone");
    CHECK(phone.outcome.status == CheckStatus::kError);
    CHECK(phone.outcome.message.find("cut short") != std::string::npos);
    CHECK(phone.as<bool>(MetricId::kPhoneScreenCaptureActive));
    CHECK(phone.get(MetricId::kPhoneWearablesBonded) == nullptr);
  }
  SECTION("a phone that stops answering fails the check, bounded by the shell timeout") {
    auto host = test::phone_replay_host("vivo_x200_originos5");
    platform::CommandResult slow;
    slow.started = true;
    slow.timed_out = true;
    host->set_command(dumpsys_argv("bluetooth_manager"), slow);
    auto phone = run(*host, "phone");
    CHECK(phone.outcome.status == CheckStatus::kError);
    CHECK(phone.outcome.message.find("did not answer in time") != std::string::npos);
    CHECK(phone.as<bool>(MetricId::kPhoneScreenCasting));
  }
  SECTION("an `adb` that prints without end is named as such, not as a phone that hung") {
    auto host = test::phone_replay_host("vivo_x200_originos5");
    platform::CommandResult flood;
    flood.started = true;
    flood.timed_out = true;
    flood.overflowed = true;
    flood.out = std::string(1000, 'y');
    host->set_command(dumpsys_argv("bluetooth_manager"), flood);
    auto phone = run(*host, "phone");
    CHECK(phone.outcome.status == CheckStatus::kError);
    CHECK(phone.outcome.message.find("printed more than 16 MB and did not stop") !=
          std::string::npos);
  }
  SECTION("a phone unplugged during the dump") {
    auto host = test::phone_replay_host("redmi_note9_miui12");
    host->set_command(dumpsys_argv("media_projection"),
                      answered("", 1, "adb: device '8f3a2c1d' not found\n"));
    auto phone = run(*host, "phone");
    CHECK(phone.outcome.status == CheckStatus::kError);
    CHECK(phone.outcome.message.find("disconnected") != std::string::npos);
    CHECK(phone.get(MetricId::kPhoneScreenCaptureActive) == nullptr);
    CHECK(phone.get(MetricId::kPhoneAlarmSet) != nullptr);
  }
}

TEST_CASE("adb's command line: shell_quote's words read back as they were") {
  // What AdbHost sends is one string the phone's shell splits again; the fake adb splits it
  // with split_shell_words. Both must give back every word, whatever it holds.
  const std::vector<std::string> words = {"cat",        "/vendor/etc/media_codecs.xml",
                                          "",           "two words",
                                          "it's",       "a'b'c",
                                          "$HOME",      "back\\slash",
                                          "\"quoted\"", "tab\there",
                                          "中文",       "a && echo b",
                                          "*"};
  std::string line;
  for (const auto& word : words)
    line += (line.empty() ? "" : " ") + platform::android::shell_quote(word);
  CHECK(test::split_shell_words(line) == words);
#ifndef _WIN32
  // And a real POSIX shell reads it the same way.
  const platform::CommandResult r =
      platform::run_process({"sh", "-c", "for w in " + line + "; do printf '[%s]' \"$w\"; done"},
                            std::chrono::seconds(10));
  std::string expected;
  for (const auto& word : words) expected += "[" + word + "]";
  CHECK(r.out == expected);
#endif
}
