// The page's line per check: the figures in zh-CN and en from the measurements; a check that
// did not measure shows its status word in zh-CN and its message in en.
#include "webcheck/step_summary.h"

#include <catch2/catch.hpp>

#include "core/measurement_list.h"

using examready::core::CheckResult;
using examready::core::CheckStatus;
using examready::core::MeasurementList;
using examready::core::MetricId;
using examready::webcheck::step_summary;

namespace {

CheckResult ok(const char* name, MeasurementList& measured, std::string message = {}) {
  return CheckResult{name, CheckStatus::kOk, std::move(message), 0, measured.take()};
}

}  // namespace

TEST_CASE("a check's figures read in both languages") {
  MeasurementList camera;
  camera.emit(MetricId::kCameraWidthPx, std::int64_t{1280}, "getUserMedia");
  camera.emit(MetricId::kCameraHeightPx, std::int64_t{720}, "getUserMedia");
  camera.emit(MetricId::kCameraFps, 29.7, "frames");
  camera.emit(MetricId::kCameraFacing, std::string("front"), "getUserMedia facingMode");
  auto s = step_summary(ok("camera", camera, "front camera 1280x720 at 30 fps"));
  CHECK(s.zh == "前置摄像头 1280×720，30 帧/秒");
  CHECK(s.en == "front camera 1280x720 at 30 fps");

  MeasurementList cameras;
  cameras.emit(MetricId::kCameraWidthPx, std::int64_t{1920}, "getUserMedia");
  cameras.emit(MetricId::kCameraHeightPx, std::int64_t{1080}, "getUserMedia");
  cameras.emit(MetricId::kCameraFacing, std::string("front"), "getUserMedia facingMode");
  cameras.emit(MetricId::kCameraBackOpened, false, "getUserMedia facingMode environment");
  s = step_summary(
      ok("camera", cameras, "front camera 1920x1080; back camera did not open: NotReadableError"));
  CHECK(s.zh == "前置摄像头 1920×1080；后置摄像头打不开");
  CHECK(s.en == "front camera 1920x1080; back camera did not open: NotReadableError");

  MeasurementList network;
  network.emit(MetricId::kNetworkDownloadBps, 48.24e6, "fetch");
  network.emit(MetricId::kNetworkUploadBps, 9.96e6, "fetch");
  s = step_summary(ok("network", network));
  CHECK(s.zh == "下载 48.2 Mbit/s，上传 10.0 Mbit/s");
  CHECK(s.en == "download 48.2 Mbit/s, upload 10.0 Mbit/s");

  MeasurementList mic;
  mic.emit(MetricId::kMicrophoneRmsDbfs, -9.03, "webaudio");
  mic.emit(MetricId::kMicrophoneNoiseFloorDbfs, -61.4, "webaudio");
  s = step_summary(ok("microphone", mic, "levels are approximate: noiseSuppression stayed on"));
  CHECK(s.zh == "音量 -9 dBFS，底噪 -61 dBFS，浏览器的降噪没能关闭，数值仅供参考");
  CHECK(s.en ==
        "level -9 dBFS, noise floor -61 dBFS, levels are approximate: noiseSuppression stayed on");

  MeasurementList device;
  device.emit(MetricId::kDeviceModel, std::string("M2003J15SS"), "ua-ch");
  device.emit(MetricId::kDeviceMarketingName, std::string("Redmi Note 9"), "device-db");
  device.emit(MetricId::kDeviceClass, std::string("phone"), "device-db");
  device.emit(MetricId::kDeviceLaunchYear, std::int64_t{2020}, "device-db");
  device.emit(MetricId::kDeviceDbMatch, std::string("model"), "device-db");
  s = step_summary(ok("device", device));
  CHECK(s.zh == "Redmi Note 9，手机，2020 年上市");
  CHECK(s.en == "Redmi Note 9, phone, launched 2020");

  MeasurementList unknown;
  unknown.emit(MetricId::kDeviceModel, std::string("ZX-9000Q"), "ua-ch");
  unknown.emit(MetricId::kDeviceClass, std::string("phone"), "screen");
  unknown.emit(MetricId::kDeviceDbMatch, std::string("none"), "device-db");
  s = step_summary(ok("device", unknown));
  CHECK(s.zh == "型号 ZX-9000Q，手机，机型库里没有这个型号");

  MeasurementList battery;
  battery.emit(MetricId::kBatteryLevelPercent, 80.0, "getBattery");
  battery.emit(MetricId::kBatteryCharging, true, "getBattery");
  CHECK(step_summary(ok("battery", battery)).zh == "电量 80%，正在充电");
}

TEST_CASE("a check that did not measure: the status word alone in zh-CN, its message in en") {
  const CheckResult denied{"camera", CheckStatus::kDenied, "permission refused", 0, {}};
  const auto s = step_summary(denied);
  CHECK(s.zh.empty());
  CHECK(s.en == "permission refused");
  // An ok check with nothing to show falls back to its message in en only.
  MeasurementList none;
  const auto quiet = step_summary(ok("os", none, "Android 13"));
  CHECK(quiet.zh.empty());
  CHECK(quiet.en == "Android 13");
}
