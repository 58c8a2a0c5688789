// Video4Linux2 camera discovery on the real device nodes: which /dev/video* capture
// video (many nodes are metadata-only) and the largest frame size each offers.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace examready::platform {

// Capture-capable /dev/video* nodes in numeric order ("/dev/video0", …).
std::vector<std::string> list_v4l2_capture_devices(const std::string& dev_dir = "/dev");

struct FrameSize {
  int width = 0;
  int height = 0;
};

// The largest frame size (by area) over every pixel format the device lists
// (VIDIOC_ENUM_FMT + VIDIOC_ENUM_FRAMESIZES); nullopt when it cannot be queried.
std::optional<FrameSize> v4l2_best_frame_size(const std::string& device);

}  // namespace examready::platform
