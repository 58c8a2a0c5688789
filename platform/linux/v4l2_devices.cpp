// ioctl queries behind v4l2_devices.h. Opening a node for queries does not start
// streaming, so it works even while another process is capturing.
#include "platform/linux/v4l2_devices.h"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>

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

bool is_capture_device(const std::string& path) {
  Fd fd(path);
  if (fd.get() < 0) return errno == EBUSY || errno == EACCES;  // exists; the check says why
  v4l2_capability cap{};
  if (xioctl(fd.get(), VIDIOC_QUERYCAP, &cap) < 0) return false;
  const std::uint32_t caps =
      (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
  return (caps & (V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_VIDEO_CAPTURE_MPLANE)) != 0;
}

}  // namespace

std::vector<std::string> list_v4l2_capture_devices(const std::string& dev_dir) {
  std::vector<std::pair<int, std::string>> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dev_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("video", 0) != 0 || name.size() == 5) continue;
    const std::string digits = name.substr(5);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    if (is_capture_device(entry.path().string()))
      found.emplace_back(std::atoi(digits.c_str()), entry.path().string());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> devices;
  for (auto& [index, path] : found) devices.push_back(std::move(path));
  return devices;
}

std::optional<FrameSize> v4l2_best_frame_size(const std::string& device) {
  Fd fd(device);
  if (fd.get() < 0) return std::nullopt;
  std::optional<FrameSize> best;
  auto consider = [&](int width, int height) {
    if (!best ||
        static_cast<long>(width) * height > static_cast<long>(best->width) * best->height) {
      best = FrameSize{width, height};
    }
  };
  // Bounded loops: a buggy driver must not keep us enumerating forever.
  for (std::uint32_t f = 0; f < 64; ++f) {
    v4l2_fmtdesc format{};
    format.index = f;
    format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(fd.get(), VIDIOC_ENUM_FMT, &format) < 0) break;
    for (std::uint32_t s = 0; s < 256; ++s) {
      v4l2_frmsizeenum size{};
      size.index = s;
      size.pixel_format = format.pixelformat;
      if (xioctl(fd.get(), VIDIOC_ENUM_FRAMESIZES, &size) < 0) break;
      if (size.type == V4L2_FRMSIZE_TYPE_DISCRETE) {
        consider(static_cast<int>(size.discrete.width), static_cast<int>(size.discrete.height));
      } else {  // stepwise or continuous: one entry describing the range
        consider(static_cast<int>(size.stepwise.max_width),
                 static_cast<int>(size.stepwise.max_height));
        break;
      }
    }
  }
  return best;
}

}  // namespace examready::platform
