// The `camera` check: open the camera (or a --camera-source), capture for a bounded time
// and report negotiation, frame rate and image statistics (see frame_stats.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "probe/check.h"

namespace examready::probe {

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

Outcome run_camera_check(CheckContext& ctx);

}  // namespace examready::probe
