// The camera check as the examready-media helper runs it (probe/camera.cpp starts the
// helper): open the camera (or a --camera-source), capture for a bounded time and report
// negotiation, frame rate and image statistics (core/analysis/frame_stats.h).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "platform/camera_devices.h"
#include "probe/check.h"

namespace examready::probe::media {

// Where frames come from. `format` empty lets FFmpeg probe the URL (files).
struct CameraSource {
  std::string format;
  std::string url;
  bool device = false;  // a real camera (pace itself) rather than a file or graph
};

// --camera-source: "lavfi:GRAPH", "v4l2:/dev/videoN" (any known device format as a
// prefix) or a plain file path/URL.
CameraSource parse_camera_source(std::string_view text);

// How a failed open reads to the user: EACCES/EPERM is `denied`, EBUSY is `error: busy`
// naming the holders when known, anything else an error with FFmpeg's text.
Outcome camera_open_failure(int errnum, const std::string& message,
                            const std::vector<std::string>& holders);

// The mode to capture in, from what the camera lists: what an exam recording uses, the
// largest frame up to 1920x1080 (either orientation) delivered at 30 fps or more. Among
// equal sizes an uncompressed format first (no decoding cost, no compression artefacts in
// the luma statistics), then MJPEG, then H.264. With no 30 fps mode, the fastest mode, the
// largest of those. nullopt when nothing usable is listed (then the driver's default).
std::optional<platform::CameraMode> choose_capture_mode(
    std::span<const platform::CameraMode> modes);

Outcome capture_camera(CheckContext& ctx);

}  // namespace examready::probe::media
