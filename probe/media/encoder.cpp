// The `encoder` check: libavcodec through platform/media/h264_encoder, synthetic frames
// from FFmpeg's testsrc2 pattern (moving, textured: real work for motion estimation).
#include "probe/media/encoder.h"

#include <time.h>

#include <fmt/format.h>
#include <algorithm>
#include <chrono>

#include "platform/media/video_input.h"

namespace examready::probe::media {
namespace {

using Clock = std::chrono::steady_clock;

double process_cpu_seconds() {
  timespec ts{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);  // every thread: x264 encodes in slices
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct SizeRun {
  int width;
  int height;
  MetricId fps_metric;
  MetricId factor_metric;
};

// Encodes testsrc2 frames of one size; nullopt with `error` when encoding fails.
std::optional<EncodeMeasurement> run_size(const std::string& name, int width, int height,
                                          std::string& error) {
  platform::MediaError media_error;
  auto encoder = platform::H264Encoder::open({name, width, height, kRecordingFps}, media_error);
  if (!encoder) {
    error = media_error.message;
    return std::nullopt;
  }
  const std::string graph =
      fmt::format("testsrc2=size={}x{}:rate={}", width, height, kRecordingFps);
  auto input = platform::VideoInput::open({"lavfi", graph, {}, false}, media_error);
  if (!input) {
    error = "cannot generate test frames: " + media_error.message;
    return std::nullopt;
  }
  platform::FrameConverter converter(encoder->input_pixel_format());
  ImageSupplier next = [&]() -> const platform::Image* {
    const platform::Image* image = nullptr;
    input->next([&](const platform::VideoFrameView& frame) { image = converter.convert(frame); });
    return image;
  };
  return measure_encoding(*encoder, next, kEncodeSecondsPerSize, kEncodeMaxFrames, error);
}

}  // namespace

std::optional<EncodeMeasurement> measure_encoding(platform::H264Encoder& encoder,
                                                  const ImageSupplier& next_image,
                                                  double max_seconds, int max_frames,
                                                  std::string& error) {
  EncodeMeasurement m;
  const auto add = [&](auto&& call) {
    const double cpu_start = process_cpu_seconds();
    const auto start = Clock::now();
    const std::int64_t bytes = call();
    m.encode_seconds += std::chrono::duration<double>(Clock::now() - start).count();
    m.cpu_seconds += process_cpu_seconds() - cpu_start;
    if (bytes < 0) return false;
    m.bytes += bytes;
    return true;
  };
  while (m.frames < max_frames && m.encode_seconds < max_seconds) {
    const platform::Image* image = next_image();
    if (!image) break;
    if (!add([&] { return encoder.encode(*image); })) {
      error = encoder.error().message;
      return std::nullopt;
    }
    ++m.frames;
  }
  if (!add([&] { return encoder.flush(); })) {
    error = encoder.error().message;
    return std::nullopt;
  }
  if (m.frames == 0) {
    error = "no frame to encode";
    return std::nullopt;
  }
  return m;
}

std::string choose_encoder(std::span<const platform::EncoderInfo> opened) {
  for (const auto& e : opened) {
    if (e.hardware) return e.name;
  }
  for (const auto& e : opened) {
    if (e.name == "libx264") return e.name;
  }
  return opened.empty() ? std::string() : opened.front().name;
}

double realtime_factor(double fps) { return fps / kRecordingFps; }

Outcome benchmark_encoders(CheckContext& ctx) {
  // Which encoders really open (compiled in is not enough: NVENC needs libcuda, VAAPI
  // a /dev/dri render node…).
  std::vector<platform::EncoderInfo> opened;
  std::vector<std::string> opened_names;
  for (const auto& candidate : platform::h264_encoders()) {
    platform::MediaError error;
    if (platform::H264Encoder::open({candidate.name, 1280, 720, kRecordingFps}, error)) {
      opened.push_back(candidate);
      opened_names.push_back(candidate.name);
    }
  }
  ctx.emit(MetricId::kEncoderAvailable, opened_names, "avcodec_open2");
  ctx.progress(0.1);
  std::string name = choose_encoder(opened);
  if (name.empty()) return Outcome::error("no H.264 encoder opens on this system");

  const SizeRun sizes[] = {
      {1920, 1080, MetricId::kEncoderFps1080p, MetricId::kEncoderRealtimeFactor1080p},
      {1280, 720, MetricId::kEncoderFps720p, MetricId::kEncoderRealtimeFactor720p},
  };
  std::vector<std::pair<const SizeRun*, EncodeMeasurement>> results;
  std::string fallback_note;
  for (const SizeRun& size : sizes) {
    std::string error;
    auto m = run_size(name, size.width, size.height, error);
    if (!m && name != "libx264" &&
        results.empty()) {  // a hardware encoder that opens but cannot encode
      fallback_note = fmt::format(" ({} failed: {})", name, error);
      name = "libx264";
      m = run_size(name, size.width, size.height, error);
    }
    if (!m)
      return Outcome::error(fmt::format("{} at {}x{}: {}", name, size.width, size.height, error));
    results.emplace_back(&size, *m);
    ctx.progress(0.1 + 0.45 * static_cast<double>(results.size()));
  }
  const bool hardware =
      std::any_of(opened.begin(), opened.end(),
                  [&](const platform::EncoderInfo& e) { return e.name == name && e.hardware; });
  ctx.emit(MetricId::kEncoderName, name, "libavcodec");
  ctx.emit(MetricId::kEncoderHardware, hardware, "libavcodec");
  double cpu_seconds = 0;
  for (const auto& [size, m] : results) {
    ctx.emit(size->fps_metric, m.fps(), fmt::format("{} frames", m.frames));
    ctx.emit(size->factor_metric, realtime_factor(m.fps()), "fps/30");
    cpu_seconds += m.cpu_seconds;
  }
  ctx.emit(MetricId::kEncoderCpuSeconds, cpu_seconds, "CLOCK_PROCESS_CPUTIME_ID");
  ctx.emit(MetricId::kEncoderBitrateBps, results.front().second.bitrate_bps(kRecordingFps),
           "1080p30 testsrc2");
  return Outcome::ok(fmt::format("{}{}: {:.0f} fps at 1080p, {:.0f} fps at 720p", name,
                                 fallback_note, results[0].second.fps(), results[1].second.fps()));
}

}  // namespace examready::probe::media
