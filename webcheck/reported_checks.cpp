// The web check's encoder (WebCodecs), storage (read by the candidate from Settings), battery
// (navigator.getBattery) and font (iOS Dynamic Type) checks.
#include <fmt/format.h>

#include <cmath>

#include "webcheck/check_outcome.h"
#include "webcheck/web_checks.h"

namespace examready::webcheck {
namespace {

using core::MetricId;

constexpr const char* kWebCodecs = "webcodecs";

// iOS's standard Dynamic Type body size (the "Large" setting) in CSS px.
constexpr double kStandardIosBodyPx = 17.0;

// Which frames the page encoded: the camera's (drawn from its preview), or frames it drew
// itself where no camera was open; pages before "camera_frames" did not say.
std::string frames_encoded(const nlohmann::json& result, double frames) {
  const auto from_camera = number_field(result, "camera_frames");
  if (!from_camera) return "frames";
  if (*from_camera >= frames) return "camera frames";
  if (*from_camera <= 0) return "drawn frames (no camera open)";
  return fmt::format("frames ({:.0f} from the camera)", *from_camera);
}

}  // namespace

core::CheckResult encoder_check(const nlohmann::json& in) {
  if (auto refused = refused_outcome("encoder", in)) return *refused;
  core::MeasurementList out;
  const std::string codec = text_field(in, "codec");
  std::vector<std::string> available;
  bool any_hardware = false, any = false;
  const auto results = in.find("results");
  if (results != in.end() && results->is_array()) {
    for (const auto& r : *results) {
      const auto width = number_field(r, "width"), height = number_field(r, "height");
      if (!width || !height || !bool_field(r, "supported").value_or(false)) continue;
      any = true;
      const bool hardware = bool_field(r, "hardware").value_or(false);
      any_hardware = any_hardware || hardware;
      if (available.size() < 8) {
        available.push_back(fmt::format("{} {:.0f}x{:.0f} ({})", codec, *width, *height,
                                        hardware ? "hardware" : "software"));
      }
      const auto frames = number_field(r, "frames"), seconds = number_field(r, "seconds");
      if (!frames || !seconds || *frames < 1 || *frames > 1e6 || *seconds < 1e-3) continue;
      const double fps = *frames / *seconds;
      const std::string source = fmt::format("{} {:.0f} {} encoded in {:.2f} s", kWebCodecs,
                                             *frames, frames_encoded(r, *frames), *seconds);
      if (*height >= 1080) {
        out.emit(MetricId::kEncoderFps1080p, fps, source);
        out.emit(MetricId::kEncoderRealtimeFactor1080p, fps / 30.0, source);
      } else if (*height >= 720) {
        out.emit(MetricId::kEncoderFps720p, fps, source);
        out.emit(MetricId::kEncoderRealtimeFactor720p, fps / 30.0, source);
      }
    }
  }
  if (!any) {
    return not_measured("encoder", core::CheckStatus::kUnsupported,
                        "the browser offers no H.264 encoder to pages (WebCodecs)");
  }
  out.emit(MetricId::kEncoderName, fmt::format("{} {}", kWebCodecs, codec), kWebCodecs);
  out.emit(MetricId::kEncoderHardware, any_hardware, "webcodecs hardwareAcceleration");
  out.emit(MetricId::kEncoderAvailable, available, kWebCodecs);
  return ok_result("encoder", out);
}

core::CheckResult storage_check(const nlohmann::json& in) {
  if (auto refused = refused_outcome("storage", in)) return *refused;
  core::MeasurementList out;
  // Phones show decimal gigabytes in Settings (Android since 8, iOS since 10).
  auto bytes = [](double gb) { return static_cast<std::int64_t>(std::llround(gb * 1e9)); };
  const auto free_gb = number_field(in, "free_gb");
  if (!free_gb || *free_gb < 0 || *free_gb > 100000) {
    return not_measured("storage", core::CheckStatus::kUnsupported,
                        "a browser cannot see free storage, and none was entered");
  }
  const std::string source = "self-reported from Settings";
  out.emit(MetricId::kStorageFreeBytes, bytes(*free_gb), source);
  if (auto total = number_field(in, "total_gb"); total && *total >= *free_gb && *total <= 100000)
    out.emit(MetricId::kStorageTotalBytes, bytes(*total), source);
  return ok_result("storage", out, "entered by the candidate");
}

core::CheckResult battery_check(const nlohmann::json& in) {
  if (auto refused = refused_outcome("battery", in)) return *refused;
  core::MeasurementList out;
  const auto level = number_field(in, "level");
  if (!level || *level < 0 || *level > 1) {
    return not_measured("battery", core::CheckStatus::kUnsupported,
                        "this browser does not show pages the battery");
  }
  const std::string source = "navigator.getBattery";
  out.emit(MetricId::kBatteryPresent, true, source);
  out.emit(MetricId::kBatteryLevelPercent, *level * 100.0, source);
  if (auto charging = bool_field(in, "charging"))
    out.emit(MetricId::kBatteryCharging, *charging, source);
  return ok_result("battery", out);
}

core::CheckResult font_check(const nlohmann::json& in) {
  if (auto refused = refused_outcome("font", in)) return *refused;
  core::MeasurementList out;
  const auto body = number_field(in, "body_px");
  if (!body || *body < 4 || *body > 200) {
    return not_measured("font", core::CheckStatus::kUnsupported,
                        "this browser does not show pages the system's text size");
  }
  out.emit(MetricId::kFontScale, *body / kStandardIosBodyPx,
           fmt::format("-apple-system-body {:.1f} px / {:.0f} px", *body, kStandardIosBodyPx));
  return ok_result("font", out);
}

}  // namespace examready::webcheck
