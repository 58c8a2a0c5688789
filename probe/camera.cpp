// The `camera` check on the local machine: v4l2 device discovery and busy diagnosis
// (platform/linux), capture and decoding through FFmpeg (platform/media).
#include "probe/camera.h"

#include "probe/android/phone_checks.h"

#include <fmt/format.h>
#include <cerrno>
#include <chrono>

extern "C" {
#include <libavutil/pixfmt.h>
}

#include "platform/linux/fd_holders.h"
#include "platform/linux/v4l2_devices.h"
#include "platform/media/frame_converter.h"
#include "platform/media/video_input.h"
#include "probe/frame_stats.h"

namespace examready::probe {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::string_view kDeviceFormats[] = {"lavfi", "v4l2", "video4linux2", "avfoundation",
                                               "dshow"};

}  // namespace

CameraSource parse_camera_source(std::string_view text) {
  if (auto colon = text.find(':'); colon != std::string_view::npos) {
    const std::string_view prefix = text.substr(0, colon);
    for (std::string_view format : kDeviceFormats) {
      if (prefix == format) {
        return {std::string(prefix), std::string(text.substr(colon + 1)), prefix != "lavfi"};
      }
    }
  }
  return {"", std::string(text), false};
}

Outcome camera_open_failure(int errnum, const std::string& message,
                            const std::vector<std::string>& holders) {
  if (errnum == EACCES || errnum == EPERM) return Outcome::denied(message);
  if (errnum == EBUSY) {
    if (holders.empty()) return Outcome::error("busy: the camera is in use by another process");
    return Outcome::error(fmt::format("busy: held by {}", fmt::join(holders, ", ")));
  }
  return Outcome::error(message);
}

Outcome run_camera_check(CheckContext& ctx) {
  // A phone over adb answers from its own reports (dumpsys, media_codecs.xml).
  if (ctx.options().transport == Transport::kAdb) return android::run_camera_check(ctx);
  if (ctx.options().transport != Transport::kLocal)
    return Outcome::unsupported("camera is checked on the phone itself");
  const std::vector<std::string> devices = platform::list_v4l2_capture_devices();
  ctx.emit(MetricId::kCameraCount, static_cast<std::int64_t>(devices.size()), "v4l2");

  CameraSource source;
  if (!ctx.options().camera_source.empty()) {
    source = parse_camera_source(ctx.options().camera_source);
  } else if (!ctx.options().camera_device.empty()) {
    source = {"v4l2", ctx.options().camera_device, true};
  } else if (!devices.empty()) {
    source = {"v4l2", devices.front(), true};
  } else {
    return Outcome::unsupported("no camera");
  }
  const std::string origin = source.device ? "v4l2" : "camera-source";
  if (source.device) {
    if (auto best = platform::v4l2_best_frame_size(source.url)) {
      ctx.emit(MetricId::kCameraMaxWidthPx, std::int64_t{best->width}, "VIDIOC_ENUM_FRAMESIZES");
      ctx.emit(MetricId::kCameraMaxHeightPx, std::int64_t{best->height}, "VIDIOC_ENUM_FRAMESIZES");
    }
  }

  const double capture_seconds = ctx.options().capture_seconds;
  platform::VideoInputSpec spec{
      source.format, source.url, {}, !source.device, std::chrono::milliseconds(3000)};
  platform::MediaError error;
  auto input = platform::VideoInput::open(spec, error);
  if (!input) {
    std::vector<std::string> holders;
    if (error.errnum == EBUSY) {
      for (const auto& holder : platform::processes_holding(source.url))
        holders.push_back(platform::describe(holder));
      if (!holders.empty()) ctx.emit(MetricId::kCameraHeldBy, holders, "/proc/*/fd");
    }
    ctx.emit(MetricId::kCameraOpened, false, origin);
    return camera_open_failure(error.errnum, error.message, holders);
  }
  ctx.emit(MetricId::kCameraWidthPx, std::int64_t{input->width()}, origin);
  ctx.emit(MetricId::kCameraHeightPx, std::int64_t{input->height()}, origin);
  ctx.emit(MetricId::kCameraPixelFormat, input->pixel_format_name(), origin);
  if (!source.device) {  // a file or graph offers exactly what it contains
    ctx.emit(MetricId::kCameraMaxWidthPx, std::int64_t{input->width()}, origin);
    ctx.emit(MetricId::kCameraMaxHeightPx, std::int64_t{input->height()}, origin);
  }

  platform::FrameConverter to_luma(AV_PIX_FMT_GRAY8);
  FrameStatsAccumulator stats;
  std::int64_t frames = 0;
  Clock::time_point first, last;
  const auto window = std::chrono::duration<double>(capture_seconds);
  while (frames == 0 || last - first < window) {
    const bool got = input->next([&](const platform::VideoFrameView& frame) {
      last = Clock::now();
      if (frames++ == 0) first = last;
      if (const platform::Image* luma = to_luma.convert(frame)) {
        stats.add({luma->bytes, luma->width, luma->height, luma->strides[0]});
      }
    });
    if (!got) break;
    ctx.progress(std::min(1.0, std::chrono::duration<double>(last - first) / window));
  }
  if (frames == 0) {
    ctx.emit(MetricId::kCameraOpened, false, origin);
    return Outcome::error(
        "the camera opened but delivered no frame: " +
        (input->error().message.empty() ? std::string("end of input") : input->error().message));
  }
  ctx.emit(MetricId::kCameraOpened, true, origin);
  const double span_seconds = std::chrono::duration<double>(last - first).count();
  if (frames >= 2 && span_seconds > 0) {
    ctx.emit(MetricId::kCameraFps, static_cast<double>(frames - 1) / span_seconds, "capture");
  }
  const FrameStats result = stats.result();
  ctx.emit(MetricId::kCameraMeanLuma, result.mean_luma, "capture");
  ctx.emit(MetricId::kCameraDarkFrameRatio, result.dark_frame_ratio, "capture");
  ctx.emit(MetricId::kCameraFrozenFrameRatio, result.frozen_frame_ratio, "capture");
  return Outcome::ok(fmt::format("{} frames in {:.2f} s", frames, span_seconds));
}

}  // namespace examready::probe
