// The `camera` check on the local machine: device discovery and busy diagnosis
// (platform/camera_devices.h, file_holders.h), capture and decoding through FFmpeg
// (platform/media).
#include "probe/media/camera.h"

#include <fmt/format.h>
#include <algorithm>
#include <cerrno>
#include <chrono>

extern "C" {
#include <libavutil/pixfmt.h>
}

#include "platform/camera_devices.h"
#include "platform/file_holders.h"
#include "platform/media/frame_converter.h"
#include "platform/media/video_input.h"
#include "core/analysis/frame_stats.h"

namespace examready::probe::media {
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

namespace {

// Lower is preferred: raw formats, then MJPEG, then H.264.
int format_rank(const std::string& name) {
  if (name == "mjpeg") return 1;
  if (name == "h264") return 2;
  return 0;
}

long frame_area(const platform::CameraMode& m) { return static_cast<long>(m.width) * m.height; }

bool fits_recording(const platform::CameraMode& m) {
  return std::max(m.width, m.height) <= 1920 && std::min(m.width, m.height) <= 1080;
}

}  // namespace

std::optional<platform::CameraMode> choose_capture_mode(
    std::span<const platform::CameraMode> modes) {
  constexpr double kRealtimeFps = 29.5;  // cameras list 30 or 29.97
  std::optional<platform::CameraMode> best;
  auto better = [&](const platform::CameraMode& a, const platform::CameraMode& b) {
    const bool a_realtime = a.max_fps >= kRealtimeFps, b_realtime = b.max_fps >= kRealtimeFps;
    if (a_realtime != b_realtime) return a_realtime;
    if (!a_realtime && a.max_fps != b.max_fps) return a.max_fps > b.max_fps;
    if (frame_area(a) != frame_area(b)) return frame_area(a) > frame_area(b);
    if (format_rank(a.pixel_format) != format_rank(b.pixel_format))
      return format_rank(a.pixel_format) < format_rank(b.pixel_format);
    return a.max_fps > b.max_fps;
  };
  for (const auto& mode : modes) {
    if (mode.pixel_format.empty() || mode.width <= 0 || mode.height <= 0 || !fits_recording(mode))
      continue;
    if (!best || better(mode, *best)) best = mode;
  }
  return best;
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

namespace {

// Emits the largest frame the camera lists and sets `spec` to ask for the mode an exam
// recording would use, not the driver's default (often 640x480, or 1080p YUYV at 5 fps on
// a USB 2 webcam). Returns what was asked for, or "" when the camera lists nothing usable.
std::string ask_recording_mode(CheckContext& ctx, const CameraSource& source,
                               platform::VideoInputSpec& spec) {
  const std::vector<platform::CameraMode> modes = ctx.host().camera_modes(source.url);
  const auto largest =
      std::max_element(modes.begin(), modes.end(),
                       [](const auto& a, const auto& b) { return frame_area(a) < frame_area(b); });
  if (largest != modes.end()) {
    ctx.emit(MetricId::kCameraMaxWidthPx, std::int64_t{largest->width}, "VIDIOC_ENUM_FRAMESIZES");
    ctx.emit(MetricId::kCameraMaxHeightPx, std::int64_t{largest->height}, "VIDIOC_ENUM_FRAMESIZES");
  }
  const auto mode = choose_capture_mode(modes);
  if (!mode) return "";
  const double fps = std::min(mode->max_fps, 30.0);
  spec.options = {{"video_size", fmt::format("{}x{}", mode->width, mode->height)},
                  {"input_format", mode->pixel_format},
                  {"framerate", fmt::format("{:.4g}", fps)}};
  return fmt::format("{}, asked for {}x{} {} at {:.4g} fps", source.format, mode->width,
                     mode->height, mode->pixel_format, fps);
}

}  // namespace

namespace {

// --camera-source, else --camera, else the first camera the OS lists.
std::optional<CameraSource> choose_source(const ProbeOptions& options,
                                          const std::vector<std::string>& devices) {
  if (!options.camera_source.empty()) return parse_camera_source(options.camera_source);
  if (!options.camera_device.empty()) {
    return CameraSource{platform::camera_input_format(), options.camera_device, true};
  }
  if (!devices.empty()) return CameraSource{platform::camera_input_format(), devices.front(), true};
  return std::nullopt;
}

// Opens the input in the mode `spec` asks for; when the driver refuses a mode it listed (it
// happens), in its default, which is still a measurement. `asked` then says so.
std::unique_ptr<platform::VideoInput> open_input(platform::VideoInputSpec& spec,
                                                 const CameraSource& source, std::string& asked,
                                                 platform::MediaError& error) {
  auto input = platform::VideoInput::open(spec, error);
  if (!input && !spec.options.empty() && error.errnum != EBUSY && error.errnum != EACCES &&
      error.errnum != EPERM) {
    asked = fmt::format("{}, driver default ({} refused: {})", source.format, asked, error.message);
    spec.options.clear();
    input = platform::VideoInput::open(spec, error);
  }
  return input;
}

Outcome open_failure(CheckContext& ctx, const platform::MediaError& error,
                     const CameraSource& source, const std::string& origin) {
  std::vector<std::string> holders;
  if (error.errnum == EBUSY) {
    for (const auto& holder : ctx.host().processes_holding(source.url))
      holders.push_back(platform::describe(holder));
    if (!holders.empty()) ctx.emit(MetricId::kCameraHeldBy, holders, std::string(platform::holders_source()));
  }
  ctx.emit(MetricId::kCameraOpened, false, origin);
  return camera_open_failure(error.errnum, error.message, holders);
}

struct Capture {
  std::int64_t frames = 0;
  double span_seconds = 0;  // first frame to last
  core::FrameStats stats;
};

// Reads frames for the capture window (or until the input ends or fails), with the luma
// statistics of each.
Capture capture_frames(CheckContext& ctx, platform::VideoInput& input) {
  platform::FrameConverter to_luma(AV_PIX_FMT_GRAY8);
  core::FrameStatsAccumulator stats;
  Capture capture;
  Clock::time_point first, last;
  const auto window = std::chrono::duration<double>(ctx.options().capture_seconds);
  while (capture.frames == 0 || last - first < window) {
    const bool got = input.next([&](const platform::VideoFrameView& frame) {
      last = Clock::now();
      if (capture.frames++ == 0) first = last;
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
  capture.span_seconds = std::chrono::duration<double>(last - first).count();
  capture.stats = stats.result();
  return capture;
}

Outcome report_capture(CheckContext& ctx, const Capture& capture, const platform::MediaError& error,
                       const std::string& origin) {
  if (capture.frames == 0) {
    ctx.emit(MetricId::kCameraOpened, false, origin);
    return Outcome::error("the camera opened but delivered no frame: " +
                          (error.message.empty() ? std::string("end of input") : error.message));
  }
  ctx.emit(MetricId::kCameraOpened, true, origin);
  if (capture.frames >= 2 && capture.span_seconds > 0) {
    ctx.emit(MetricId::kCameraFps,
             static_cast<double>(capture.frames - 1) / capture.span_seconds, "capture");
  }
  ctx.emit(MetricId::kCameraMeanLuma, capture.stats.mean_luma, "capture");
  ctx.emit(MetricId::kCameraDarkFrameRatio, capture.stats.dark_frame_ratio, "capture");
  ctx.emit(MetricId::kCameraFrozenFrameRatio, capture.stats.frozen_frame_ratio, "capture");
  // A file may end early (no error); a camera that fails or stalls mid-capture (unplugged,
  // a driver error, no frame within the read timeout) would stop an exam recording.
  if (!error.message.empty()) {
    return Outcome::error(fmt::format("the camera stopped after {} frames in {:.2f} s: {}",
                                      capture.frames, capture.span_seconds, error.message));
  }
  return Outcome::ok(fmt::format("{} frames in {:.2f} s", capture.frames, capture.span_seconds));
}

}  // namespace

Outcome capture_camera(CheckContext& ctx) {
  const std::vector<std::string> devices = ctx.host().list_cameras();
  ctx.emit(MetricId::kCameraCount, static_cast<std::int64_t>(devices.size()),
           platform::camera_input_format());
  const auto source = choose_source(ctx.options(), devices);
  if (!source) return Outcome::unsupported("no camera");
  const std::string origin = source->device ? source->format : "camera-source";
  platform::VideoInputSpec spec{
      source->format, source->url, {}, !source->device, std::chrono::milliseconds(3000)};
  // The mode requested from a real camera, for the measurements' source.
  std::string asked = source->device ? ask_recording_mode(ctx, *source, spec) : "";
  platform::MediaError error;
  auto input = open_input(spec, *source, asked, error);
  if (!input) return open_failure(ctx, error, *source, origin);

  const std::string negotiated = asked.empty() ? origin : asked;
  ctx.emit(MetricId::kCameraWidthPx, std::int64_t{input->width()}, negotiated);
  ctx.emit(MetricId::kCameraHeightPx, std::int64_t{input->height()}, negotiated);
  ctx.emit(MetricId::kCameraPixelFormat, input->pixel_format_name(), negotiated);
  if (!source->device) {  // a file or graph offers exactly what it contains
    ctx.emit(MetricId::kCameraMaxWidthPx, std::int64_t{input->width()}, origin);
    ctx.emit(MetricId::kCameraMaxHeightPx, std::int64_t{input->height()}, origin);
  }
  const Capture capture = capture_frames(ctx, *input);
  return report_capture(ctx, capture, input->error(), origin);
}

}  // namespace examready::probe::media
