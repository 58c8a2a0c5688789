// V4L2 ioctl queries behind platform/camera_devices.h. Opening a node for queries does not start
// streaming, so it works even while another process is capturing.
#include "platform/camera_devices.h"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

namespace examready::platform {
namespace {

int xioctl(int fd, unsigned long request, void* arg) {
  int rc;
  do {
    rc = ::ioctl(fd, request, arg);
  } while (rc < 0 && errno == EINTR);
  return rc;
}

class Fd {
 public:
  explicit Fd(const std::string& path)
      : fd_(::open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC)) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// What udev recorded about a node when it appeared: its v4l_id helper opens the node as
// root and writes ID_V4L_CAPABILITIES=:capture: (or :video_output:…) to udev's database.
// nullopt when there is no record (no udev, or not a device node).
std::optional<bool> udev_says_capture(const std::string& path, const std::string& udev_dir) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISCHR(st.st_mode)) return std::nullopt;
  std::ifstream record(udev_dir + "/c" + std::to_string(major(st.st_rdev)) + ":" +
                       std::to_string(minor(st.st_rdev)));
  for (std::string line; std::getline(record, line);) {
    if (line.starts_with("E:ID_V4L_CAPABILITIES="))
      return line.find(":capture:") != std::string::npos;
  }
  return std::nullopt;
}

bool is_capture_device(const std::string& path, const std::string& udev_dir) {
  Fd fd(path);
  if (fd.get() < 0) {
    // A node this user may not open (or that is held exclusively) is still a camera for the
    // check to report as denied or busy, unless udev knows it is an output, VBI or
    // metadata node (a UVC webcam has a metadata node beside its capture node).
    if (errno != EBUSY && errno != EACCES) return false;
    return udev_says_capture(path, udev_dir).value_or(true);
  }
  v4l2_capability cap{};
  if (xioctl(fd.get(), VIDIOC_QUERYCAP, &cap) < 0) return false;
  const std::uint32_t caps =
      (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
  return (caps & (V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_VIDEO_CAPTURE_MPLANE)) != 0;
}

}  // namespace

std::string camera_input_format() { return "v4l2"; }

std::vector<std::string> list_camera_devices(const std::string& dev_dir,
                                             const std::string& udev_dir) {
  std::vector<std::pair<int, std::string>> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dev_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("video", 0) != 0 || name.size() == 5) continue;
    const std::string digits = name.substr(5);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    if (is_capture_device(entry.path().string(), udev_dir))
      found.emplace_back(std::atoi(digits.c_str()), entry.path().string());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> devices;
  for (auto& [index, path] : found) devices.push_back(std::move(path));
  return devices;
}

namespace {

// The names FFmpeg's v4l2 demuxer takes as `input_format` for the formats webcams send.
const char* ffmpeg_format_name(std::uint32_t fourcc) {
  switch (fourcc) {
    case V4L2_PIX_FMT_YUYV:
      return "yuyv422";
    case V4L2_PIX_FMT_UYVY:
      return "uyvy422";
    case V4L2_PIX_FMT_NV12:
      return "nv12";
    case V4L2_PIX_FMT_YUV420:
      return "yuv420p";
    case V4L2_PIX_FMT_GREY:
      return "gray";
    case V4L2_PIX_FMT_RGB24:
      return "rgb24";
    case V4L2_PIX_FMT_BGR24:
      return "bgr24";
    case V4L2_PIX_FMT_MJPEG:
    case V4L2_PIX_FMT_JPEG:
      return "mjpeg";
    case V4L2_PIX_FMT_H264:
      return "h264";
    default:
      return nullptr;
  }
}

double fps_of(const v4l2_fract& interval) {
  return interval.numerator > 0 ? static_cast<double>(interval.denominator) / interval.numerator
                                : 0.0;
}

double max_fps(int fd, std::uint32_t fourcc, std::uint32_t width, std::uint32_t height) {
  double best = 0;
  for (std::uint32_t i = 0; i < 64; ++i) {
    v4l2_frmivalenum interval{};
    interval.index = i;
    interval.pixel_format = fourcc;
    interval.width = width;
    interval.height = height;
    if (xioctl(fd, VIDIOC_ENUM_FRAMEINTERVALS, &interval) < 0) break;
    if (interval.type == V4L2_FRMIVAL_TYPE_DISCRETE) {
      best = std::max(best, fps_of(interval.discrete));
    } else {  // stepwise or continuous: the shortest interval is the highest rate
      best = std::max(best, fps_of(interval.stepwise.min));
      break;
    }
  }
  return best;
}

}  // namespace

std::vector<CameraMode> camera_modes(const std::string& device) {
  Fd fd(device);
  std::vector<CameraMode> modes;
  if (fd.get() < 0) return modes;
  // Bounded loops, as above. Stepwise sizes are represented by their largest.
  for (std::uint32_t f = 0; f < 64; ++f) {
    v4l2_fmtdesc format{};
    format.index = f;
    format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(fd.get(), VIDIOC_ENUM_FMT, &format) < 0) break;
    const char* name = ffmpeg_format_name(format.pixelformat);
    for (std::uint32_t s = 0; s < 256; ++s) {
      v4l2_frmsizeenum size{};
      size.index = s;
      size.pixel_format = format.pixelformat;
      if (xioctl(fd.get(), VIDIOC_ENUM_FRAMESIZES, &size) < 0) break;
      const bool discrete = size.type == V4L2_FRMSIZE_TYPE_DISCRETE;
      const std::uint32_t width = discrete ? size.discrete.width : size.stepwise.max_width;
      const std::uint32_t height = discrete ? size.discrete.height : size.stepwise.max_height;
      modes.push_back({name ? name : "", static_cast<int>(width), static_cast<int>(height),
                       max_fps(fd.get(), format.pixelformat, width, height)});
      if (!discrete) break;
    }
  }
  return modes;
}

}  // namespace examready::platform
