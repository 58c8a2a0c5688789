// The web check's camera, microphone and speaker: getUserMedia's settings and the captured
// frames and samples, analysed by the same core code as the native checks.
#include <fmt/format.h>

#include "core/analysis/audio_analysis.h"
#include "webcheck/check_outcome.h"
#include "webcheck/web_checks.h"

namespace examready::webcheck {
namespace {

using core::MetricId;

constexpr const char* kGetUserMedia = "getUserMedia";
// What the page asks of the microphone: with echo cancellation, noise suppression or auto
// gain on, a -9 dBFS tone reads -29 dBFS, so the figures would not be the microphone's.
constexpr const char* kRawCapture =
    "getUserMedia, echo cancellation/noise suppression/auto gain off";

// Counts, pixels and rates the page reports are far below this.
constexpr std::int64_t kMaxWhole = 1'000'000'000;

// Names the processing the browser kept on although the page asked for it off.
std::string processing_left_on(const nlohmann::json& capture) {
  const auto processing = capture.find("processing");
  if (processing == capture.end()) return {};
  std::string on;
  for (const char* key : {"echoCancellation", "noiseSuppression", "autoGainControl"}) {
    if (bool_field(*processing, key).value_or(false))
      on += (on.empty() ? "" : ", ") + std::string(key);
  }
  return on;
}

}  // namespace

core::CheckResult camera_check(const nlohmann::json& capture,
                               const core::FrameStatsAccumulator& frames) {
  if (auto refused = refused_outcome("camera", capture)) return *refused;
  core::MeasurementList out;
  if (auto count = whole_field(capture, "camera_count", kMaxWhole))
    out.emit(MetricId::kCameraCount, *count, "enumerateDevices");
  const core::FrameStats stats = frames.result();
  out.emit(MetricId::kCameraOpened, stats.frames > 0, kGetUserMedia);
  if (auto w = whole_field(capture, "width", kMaxWhole))
    out.emit(MetricId::kCameraWidthPx, *w, kGetUserMedia);
  if (auto h = whole_field(capture, "height", kMaxWhole))
    out.emit(MetricId::kCameraHeightPx, *h, kGetUserMedia);
  if (auto fps = number_field(capture, "fps"); fps && *fps >= 0)
    out.emit(MetricId::kCameraFps, *fps, "frames delivered over the capture");
  if (stats.frames == 0) {
    return not_measured("camera", core::CheckStatus::kError,
                        "the camera was granted but delivered no frames", &out);
  }
  const std::string source = fmt::format("{} frames analysed", stats.frames);
  out.emit(MetricId::kCameraMeanLuma, stats.mean_luma, source);
  out.emit(MetricId::kCameraDarkFrameRatio, stats.dark_frame_ratio, source);
  out.emit(MetricId::kCameraFrozenFrameRatio, stats.frozen_frame_ratio, source);
  // getUserMedia's facingMode: "user" is the front camera, "environment" the back one.
  const std::string facing = text_field(capture, "facing");
  const std::string which = facing == "user"          ? "front camera"
                            : facing == "environment" ? "back camera"
                                                      : "camera";
  const auto width = whole_field(capture, "width", kMaxWhole),
             height = whole_field(capture, "height", kMaxWhole);
  const auto fps = number_field(capture, "fps");
  std::string message = which;
  if (width && height) message += fmt::format(" {}x{}", *width, *height);
  if (fps) message += fmt::format(" at {:.0f} fps", *fps);
  return ok_result("camera", out, message);
}

core::CheckResult microphone_check(const nlohmann::json& capture, std::span<const float> samples) {
  if (auto refused = refused_outcome("microphone", capture)) return *refused;
  core::MeasurementList out;
  if (auto count = whole_field(capture, "device_count", kMaxWhole))
    out.emit(MetricId::kMicrophoneDeviceCount, *count, "enumerateDevices");
  out.emit(MetricId::kMicrophoneOpened, !samples.empty(), kGetUserMedia);
  const auto rate = whole_field(capture, "sample_rate_hz", kMaxWhole);
  if (samples.empty() || !rate || *rate < 8000 || *rate > 384000) {
    return not_measured("microphone", core::CheckStatus::kError,
                        "the microphone was granted but delivered no audio", &out);
  }
  out.emit(MetricId::kMicrophoneSampleRateHz, *rate, "webaudio AudioContext");
  const std::string left_on = processing_left_on(capture);
  const std::string source =
      left_on.empty() ? kRawCapture : "getUserMedia, the browser kept " + left_on + " on";
  const core::AudioLevels levels = core::analyze_levels(samples, static_cast<int>(*rate));
  out.emit(MetricId::kMicrophoneRmsDbfs, levels.rms_dbfs, source);
  out.emit(MetricId::kMicrophonePeakDbfs, levels.peak_dbfs, source);
  out.emit(MetricId::kMicrophoneClippingRatio, levels.clipping_ratio, source);
  out.emit(MetricId::kMicrophoneNoiseFloorDbfs, levels.noise_floor_dbfs, source);
  out.emit(MetricId::kMicrophoneDigitalSilence, levels.digital_silence, source);
  return ok_result("microphone", out,
                   left_on.empty() ? "" : "levels are approximate: " + left_on + " stayed on");
}

core::CheckResult speaker_check(const nlohmann::json& capture, std::span<const float> samples) {
  if (auto refused = refused_outcome("speaker", capture)) return *refused;
  core::MeasurementList out;
  const bool played = bool_field(capture, "played").value_or(false);
  out.emit(MetricId::kSpeakerPlayed, played, "webaudio OscillatorNode");
  const std::string route = text_field(capture, "output_route");
  if (!route.empty()) out.emit(MetricId::kSpeakerOutputRoute, route, "enumerateDevices");
  const auto rate = whole_field(capture, "sample_rate_hz", kMaxWhole);
  const auto frequency = number_field(capture, "frequency_hz");
  if (!played || samples.empty() || !rate || *rate < 8000 || *rate > 384000 || !frequency ||
      *frequency <= 0 || *frequency >= static_cast<double>(*rate) / 2) {
    return not_measured("speaker", core::CheckStatus::kError,
                        played ? "the microphone recorded nothing while the tone played"
                               : "the browser did not play the test tone",
                        &out);
  }
  const core::ToneDetection tone = core::detect_tone(samples, *frequency, static_cast<int>(*rate));
  const std::string source = fmt::format("{:.0f} Hz tone heard through the microphone", *frequency);
  out.emit(MetricId::kSpeakerDetected, tone.detected, source);
  out.emit(MetricId::kSpeakerToneDbfs, tone.tone_dbfs, source);
  return ok_result("speaker", out);
}

}  // namespace examready::webcheck
