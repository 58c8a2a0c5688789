// Camera discovery on the real device nodes: which cameras exist, the FFmpeg input format
// that opens them and the largest frame size each offers. Linux: V4L2 (/dev/video*, many
// of which are metadata-only nodes), in platform/linux/camera_devices.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace examready::platform {

// The FFmpeg input format for cameras on this OS ("v4l2" on Linux).
std::string camera_input_format();

// Capture-capable camera devices in numeric order ("/dev/video0", …); `dev_dir` lets
// tests point the scan elsewhere.
std::vector<std::string> list_camera_devices(const std::string& dev_dir = "/dev");

struct FrameSize {
  int width = 0;
  int height = 0;
};

// The largest frame size (by area) over every pixel format the device lists (Linux:
// VIDIOC_ENUM_FMT + VIDIOC_ENUM_FRAMESIZES); nullopt when it cannot be queried.
std::optional<FrameSize> camera_best_frame_size(const std::string& device);

}  // namespace examready::platform
