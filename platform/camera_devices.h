// Camera discovery on the real device nodes: which cameras exist, the FFmpeg input format
// that opens them and the modes each offers. Linux: V4L2 (/dev/video*, many
// of which are metadata-only nodes), in platform/linux/camera_devices.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace examready::platform {

// The FFmpeg input format for cameras on this OS ("v4l2" on Linux).
std::string camera_input_format();

// Capture-capable camera devices in numeric order ("/dev/video0", …). A node this user may
// not open counts unless udev's record (`udev_dir`) says it is no capture node. The
// directories let tests point the scan elsewhere.
std::vector<std::string> list_camera_devices(const std::string& dev_dir = "/dev",
                                             const std::string& udev_dir = "/run/udev/data");

// One capture mode a camera offers: FFmpeg's name of its pixel format ("yuyv422", "mjpeg",
// "nv12"…, the v4l2 demuxer's `input_format`; empty for a format FFmpeg cannot name), a
// frame size and the highest frame rate the device lists for that pair.
struct CameraMode {
  std::string pixel_format;
  int width = 0;
  int height = 0;
  double max_fps = 0;
};

// Every mode the device lists (Linux: VIDIOC_ENUM_FMT, _FRAMESIZES, _FRAMEINTERVALS); empty
// when it cannot be queried.
std::vector<CameraMode> camera_modes(const std::string& device);

}  // namespace examready::platform
