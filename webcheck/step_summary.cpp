// The page's per-check line in zh-CN and en (step_summary.h).
#include "webcheck/step_summary.h"
#include "webcheck/web_checks.h"

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string_view>
#include <utility>

namespace examready::webcheck {
namespace {

using core::CheckResult;
using core::MetricId;

std::optional<double> number(const CheckResult& r, MetricId id) {
  const auto* m = r.find(id);
  if (!m) return std::nullopt;
  if (const auto* d = std::get_if<double>(&m->value)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&m->value)) return static_cast<double>(*i);
  return std::nullopt;
}

std::optional<bool> flag(const CheckResult& r, MetricId id) {
  const auto* m = r.find(id);
  if (!m) return std::nullopt;
  if (const auto* b = std::get_if<bool>(&m->value)) return *b;
  return std::nullopt;
}

std::string text(const CheckResult& r, MetricId id) {
  const auto* m = r.find(id);
  if (!m) return {};
  if (const auto* s = std::get_if<std::string>(&m->value)) return *s;
  return {};
}

// Both languages' pieces, joined with each language's own separator.
struct Parts {
  std::string zh, en;
  void add(const std::string& z, const std::string& e) {
    zh += (zh.empty() ? "" : "，") + z;
    en += (en.empty() ? "" : ", ") + e;
  }
};

// "1920×1080，30 帧/秒" for one camera's figures.
std::string camera_zh(std::optional<double> width, std::optional<double> height,
                      std::optional<double> fps) {
  std::string zh;
  if (width && height) zh = fmt::format("{:.0f}×{:.0f}", *width, *height);
  if (fps) zh += fmt::format("{}{:.0f} 帧/秒", zh.empty() ? "" : "，", *fps);
  return zh;
}

// The camera check's message names the cameras ("front camera 1280x720 at 30 fps; back
// camera …"); en keeps it as it is, zh is made from the measurements.
Parts camera(const CheckResult& r) {
  Parts p;
  const std::string facing = text(r, MetricId::kCameraFacing);
  const std::string front =
      camera_zh(number(r, MetricId::kCameraWidthPx), number(r, MetricId::kCameraHeightPx),
                number(r, MetricId::kCameraFps));
  if (r.status != core::CheckStatus::kOk)
    p.zh = "前置摄像头打不开";  // the back camera was tried all the same
  else
    p.zh = (facing == "front" ? "前置摄像头 " : facing == "back" ? "后置摄像头 " : "") + front;
  if (const auto back = flag(r, MetricId::kCameraBackOpened)) {
    // Found by facing "environment", or only as the camera other than the front one.
    const std::string which = r.find(MetricId::kCameraBackOpened)->source == kBackCameraByFacing
                                  ? "后置摄像头"
                                  : "第二个摄像头";
    p.zh += *back ? "；" + which + " " +
                        camera_zh(number(r, MetricId::kCameraBackWidthPx),
                                  number(r, MetricId::kCameraBackHeightPx),
                                  number(r, MetricId::kCameraBackFps))
                  : "；" + which + "打不开";
  } else if (r.message.find(kNoBackCameraFound) != std::string::npos) {
    p.zh += "；没有找到后置摄像头";
  }
  p.en = r.message;
  return p;
}

Parts microphone(const CheckResult& r) {
  Parts p;
  if (const auto rms = number(r, MetricId::kMicrophoneRmsDbfs))
    p.add(fmt::format("音量 {:.0f} dBFS", *rms), fmt::format("level {:.0f} dBFS", *rms));
  if (const auto floor = number(r, MetricId::kMicrophoneNoiseFloorDbfs))
    p.add(fmt::format("底噪 {:.0f} dBFS", *floor), fmt::format("noise floor {:.0f} dBFS", *floor));
  // The check's message is set only when the browser kept its voice processing on.
  if (!r.message.empty()) p.add("浏览器的降噪没能关闭，数值仅供参考", r.message);
  return p;
}

Parts speaker(const CheckResult& r) {
  Parts p;
  if (const auto heard = flag(r, MetricId::kSpeakerDetected)) {
    if (*heard)
      p.add("麦克风听到了扬声器的测试音", "the microphone heard the test tone");
    else
      p.add("麦克风没有听到扬声器的测试音", "the microphone did not hear the test tone");
  }
  return p;
}

Parts network(const CheckResult& r) {
  Parts p;
  const auto mbit = [](double bps) { return fmt::format("{:.1f} Mbit/s", bps / 1e6); };
  if (const auto down = number(r, MetricId::kNetworkDownloadBps))
    p.add("下载 " + mbit(*down), "download " + mbit(*down));
  if (const auto up = number(r, MetricId::kNetworkUploadBps))
    p.add("上传 " + mbit(*up), "upload " + mbit(*up));
  return p;
}

Parts encoder(const CheckResult& r) {
  Parts p;
  if (const auto hardware = flag(r, MetricId::kEncoderHardware))
    p.add(*hardware ? "H.264 硬件编码" : "H.264 软件编码",
          *hardware ? "H.264 in hardware" : "H.264 in software");
  if (const auto fps = number(r, MetricId::kEncoderFps1080p))
    p.add(fmt::format("1080p 每秒编码 {:.0f} 帧", *fps), fmt::format("1080p at {:.0f} fps", *fps));
  else if (const auto fps720 = number(r, MetricId::kEncoderFps720p))
    p.add(fmt::format("720p 每秒编码 {:.0f} 帧", *fps720),
          fmt::format("720p at {:.0f} fps", *fps720));
  return p;
}

Parts storage(const CheckResult& r) {
  Parts p;
  if (const auto free = number(r, MetricId::kStorageFreeBytes))
    p.add(fmt::format("可用 {:.1f} GB（你填写的）", *free / 1e9),
          fmt::format("{:.1f} GB free (as you entered it)", *free / 1e9));
  return p;
}

Parts battery(const CheckResult& r) {
  Parts p;
  if (const auto level = number(r, MetricId::kBatteryLevelPercent))
    p.add(fmt::format("电量 {:.0f}%", *level), fmt::format("{:.0f} % charged", *level));
  if (const auto charging = flag(r, MetricId::kBatteryCharging); charging && *charging)
    p.add("正在充电", "charging");
  return p;
}

Parts font(const CheckResult& r) {
  Parts p;
  if (const auto scale = number(r, MetricId::kFontScale))
    p.add(fmt::format("字体大小 {:.0f}%", *scale * 100),
          fmt::format("text size {:.0f} %", *scale * 100));
  return p;
}

Parts device(const CheckResult& r) {
  Parts p;
  const std::string model = text(r, MetricId::kDeviceModel);
  const std::string name = text(r, MetricId::kDeviceMarketingName);
  const std::string match = text(r, MetricId::kDeviceDbMatch);
  if (!name.empty())
    p.add(name, name);
  else if (!model.empty())
    p.add("型号 " + model, "model " + model);
  const std::string cls = text(r, MetricId::kDeviceClass);
  if (cls == "phone") p.add("手机", "phone");
  if (cls == "tablet") p.add("平板", "tablet");
  if (const auto year = number(r, MetricId::kDeviceLaunchYear)) {
    if (const auto latest = number(r, MetricId::kDeviceLaunchYearLatest))
      p.add(fmt::format("{:.0f}–{:.0f} 年上市", *year, *latest),
            fmt::format("launched {:.0f}–{:.0f}", *year, *latest));
    else
      p.add(fmt::format("{:.0f} 年上市", *year), fmt::format("launched {:.0f}", *year));
  }
  if (match == "none") p.add("机型库里没有这个型号", "not in the device database");
  if (match == "ambiguous") p.add("这个型号对应几款手机", "the model names several phones");
  return p;
}

}  // namespace

StepSummary step_summary(const CheckResult& result) {
  if (result.status != core::CheckStatus::kOk) {
    // A failed front camera with the back one tried: what became of the back one.
    if (result.name == "camera" && result.find(MetricId::kCameraBackOpened)) {
      Parts p = camera(result);
      return {p.zh, p.en};
    }
    return {{}, result.message};
  }
  using Summarize = Parts (*)(const CheckResult&);
  static constexpr std::pair<std::string_view, Summarize> kByCheck[] = {
      {"camera", camera},   {"microphone", microphone}, {"speaker", speaker}, {"network", network},
      {"encoder", encoder}, {"storage", storage},       {"battery", battery}, {"font", font},
      {"device", device},
  };
  Parts p;
  for (const auto& [name, summarize] : kByCheck) {
    if (name == result.name) p = summarize(result);
  }
  if (p.en.empty()) p.en = result.message;
  return {p.zh, p.en};
}

}  // namespace examready::webcheck
