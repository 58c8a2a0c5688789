// The web check's camera, microphone and speaker: getUserMedia's settings and the captured
// frames and samples, analysed by the same core code as the native checks.
#include <fmt/format.h>

#include <optional>
#include <string>

#include "core/analysis/audio_analysis.h"
#include "core/text.h"
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

// getUserMedia's facingMode ("user", "environment") as the report says it; else empty.
std::string facing_name(const std::string& facing_mode) {
  if (facing_mode == "user") return "front";
  if (facing_mode == "environment") return "back";
  return {};
}

// How the page counted the frame rate: the frames the video element presented over their
// media timestamps (the camera's rate, whatever the page kept up with), else the frames it
// grabbed over its own clock.
std::string fps_source(const nlohmann::json& in) {
  const std::string from = text_field(in, "fps_from");
  if (from == "presented frames over their media time" || from == "frames grabbed over the capture")
    return from;
  return "frames delivered over the capture";
}

// A camera's mode as getUserMedia granted it and the frame rate it delivered.
struct CameraMode {
  std::optional<std::int64_t> width, height;
  std::optional<double> fps;
};

// Reads {"width","height","fps"} and emits them as `width`, `height`, `fps` (the size from
// `source`, the rate from the frames).
CameraMode emit_mode(const nlohmann::json& in, MetricId width, MetricId height, MetricId fps,
                     const std::string& source, core::MeasurementList& out) {
  CameraMode mode{whole_field(in, "width", kMaxWhole), whole_field(in, "height", kMaxWhole),
                  number_field(in, "fps")};
  if (mode.fps && *mode.fps < 0) mode.fps.reset();
  if (mode.width) out.emit(width, *mode.width, source);
  if (mode.height) out.emit(height, *mode.height, source);
  if (mode.fps) out.emit(fps, *mode.fps, fps_source(in));
  return mode;
}

// "front camera 1920x1080 at 30 fps"
std::string describe_camera(const std::string& which, const CameraMode& mode) {
  std::string text = which;
  if (mode.width && mode.height) text += fmt::format(" {}x{}", *mode.width, *mode.height);
  if (mode.fps) text += fmt::format(" at {:.0f} fps", *mode.fps);
  return text;
}

// The phone's back camera, opened after the front one: the exam lets the candidate record
// with either (小艺帮: "选择前置或者后置摄像头"). {"status","message","width","height","fps",
// "found_by": "facing"|"other-device"}; "unsupported" means the browser found no
// other camera, which is no fact about the phone. Returns the message's part about it.
std::string back_camera(const nlohmann::json& back, const core::FrameStatsAccumulator& frames,
                        core::MeasurementList& out) {
  const std::string status = text_field(back, "status");
  const std::string why = core::text::cut_utf8(text_field(back, "message"), 200);
  if (status == "unsupported")
    return std::string(kNoBackCameraFound) + (why.empty() ? "" : " (" + why + ")");
  // Found by facingMode "environment", or as the camera other than the front one when the
  // browser does not say which way its cameras face (desktop browsers, some WebViews).
  const bool by_facing = text_field(back, "found_by") == "facing";
  const std::string source =
      by_facing ? kBackCameraByFacing
                : "getUserMedia, the camera other than the front one (the browser does not say "
                  "which way it faces)";
  if (!status.empty() && status != "ok") {
    out.emit(MetricId::kCameraBackOpened, false, source);
    return "back camera did not open: " + (why.empty() ? core::text::cut_utf8(status, 200) : why);
  }
  const core::FrameStats stats = frames.result();
  out.emit(MetricId::kCameraBackOpened, stats.frames > 0, source);
  const CameraMode mode =
      emit_mode(back, MetricId::kCameraBackWidthPx, MetricId::kCameraBackHeightPx,
                MetricId::kCameraBackFps, source, out);
  if (stats.frames == 0) return "back camera delivered no frames";
  out.emit(MetricId::kCameraBackFrozenFrameRatio, stats.frozen_frame_ratio,
           fmt::format("{} frames analysed", stats.frames));
  return describe_camera(by_facing ? "back camera" : "second camera", mode);
}

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
                               const core::FrameStatsAccumulator& frames,
                               const core::FrameStatsAccumulator& back_frames) {
  core::MeasurementList out;
  if (auto count = whole_field(capture, "camera_count", kMaxWhole))
    out.emit(MetricId::kCameraCount, *count, "enumerateDevices");
  const auto back = capture.find("back");
  const bool back_tried = back != capture.end() && back->is_object();
  if (auto refused = refused_outcome("camera", capture)) {
    // A front camera that failed (held by another app, stalled) does not keep the back one
    // from being judged: the exam lets the candidate record with either. The check keeps the
    // front camera's outcome, and that it did not open is a finding then (with the camera
    // count beside it, the rules could otherwise read the front camera as not tried).
    if (!back_tried || refused->status == core::CheckStatus::kDenied) return *refused;
    out.emit(MetricId::kCameraOpened, false, kGetUserMedia);
    refused->message =
        "front camera: " + refused->message + "; " + back_camera(*back, back_frames, out);
    refused->measurements = out.take();
    return *refused;
  }
  const core::FrameStats stats = frames.result();
  out.emit(MetricId::kCameraOpened, stats.frames > 0, kGetUserMedia);
  const CameraMode mode = emit_mode(capture, MetricId::kCameraWidthPx, MetricId::kCameraHeightPx,
                                    MetricId::kCameraFps, kGetUserMedia, out);
  const auto max_width = whole_field(capture, "max_width", kMaxWhole),
             max_height = whole_field(capture, "max_height", kMaxWhole);
  if (max_width && max_height && *max_width > 0 && *max_height > 0) {
    out.emit(MetricId::kCameraMaxWidthPx, *max_width, "MediaStreamTrack.getCapabilities");
    out.emit(MetricId::kCameraMaxHeightPx, *max_height, "MediaStreamTrack.getCapabilities");
  }
  const std::string facing = facing_name(text_field(capture, "facing"));
  if (!facing.empty()) out.emit(MetricId::kCameraFacing, facing, "getUserMedia facingMode");
  if (stats.frames == 0) {
    std::string message = "the camera was granted but delivered no frames";
    if (back_tried) message += "; " + back_camera(*back, back_frames, out);
    return not_measured("camera", core::CheckStatus::kError, std::move(message), &out);
  }
  const std::string source = fmt::format("{} frames analysed", stats.frames);
  out.emit(MetricId::kCameraMeanLuma, stats.mean_luma, source);
  out.emit(MetricId::kCameraDarkFrameRatio, stats.dark_frame_ratio, source);
  out.emit(MetricId::kCameraFrozenFrameRatio, stats.frozen_frame_ratio, source);
  std::string message = describe_camera(facing.empty() ? "camera" : facing + " camera", mode);
  if (back_tried) message += "; " + back_camera(*back, back_frames, out);
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
