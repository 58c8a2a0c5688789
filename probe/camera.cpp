// The `camera` check on the local machine: device discovery and busy diagnosis
// (platform/camera_devices.h, file_holders.h), capture and decoding through FFmpeg
// (platform/media).
#include "probe/camera.h"

#include <fmt/format.h>
#include <cerrno>
#include <chrono>

extern "C" {
#include <libavutil/pixfmt.h>
}

#include "platform/camera_devices.h"
#include "platform/file_holders.h"
#include "platform/media/frame_converter.h"
#include "platform/media/video_input.h"
#include "probe/frame_stats.h"

namespace examready::probe {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::string_view kDeviceFormats[] = {"lavfi", "v4l2", "video4linux2", "avfoundation",
                                               "dshow"};

// Formats whose first plane is the luma plane as it is: no conversion needed.
bool luma_is_first_plane(int format) {
  switch (format) {
    case AV_PIX_FMT_YUV420P:
    case AV_PIX_FMT_YUVJ420P:
    case AV_PIX_FMT_YUV422P:
    case AV_PIX_FMT_YUVJ422P:
    case AV_PIX_FMT_YUV444P:
    case AV_PIX_FMT_YUVJ444P:
    case AV_PIX_FMT_NV12:
    case AV_PIX_FMT_NV21:
    case AV_PIX_FMT_GRAY8:
      return true;
    default:
      return false;
  }
}

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
  if (ctx.options().transport != Transport::kLocal)
    return Outcome::unsupported("camera is checked on the phone itself");
  const std::vector<std::string> devices = platform::list_camera_devices();
  ctx.emit(MetricId::kCameraCount, static_cast<std::int64_t>(devices.size()),
           platform::camera_input_format());

  CameraSource source;
  if (!ctx.options().camera_source.empty()) {
    source = parse_camera_source(ctx.options().camera_source);
  } else if (!ctx.options().camera_device.empty()) {
    source = {platform::camera_input_format(), ctx.options().camera_device, true};
  } else if (!devices.empty()) {
    source = {platform::camera_input_format(), devices.front(), true};
  } else {
    return Outcome::unsupported("no camera");
  }
  const std::string origin = source.device ? source.format : "camera-source";
  if (source.device) {
    if (auto best = platform::camera_best_frame_size(source.url)) {
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
      if (luma_is_first_plane(frame.pixel_format) && frame.strides[0] >= frame.width) {
        const std::size_t size =
            static_cast<std::size_t>(frame.strides[0]) * (frame.height - 1) + frame.width;
        stats.add({{frame.planes[0], size}, frame.width, frame.height, frame.strides[0]});
      } else if (const platform::Image* luma = to_luma.convert(frame)) {  // packed (YUYV), RGB
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
