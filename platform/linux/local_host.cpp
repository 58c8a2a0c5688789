// LocalHost on Linux: statvfs, uname, V4L2 cameras, /proc fd holders and the sound server
// (PulseAudio or PipeWire). File reads and commands are every OS's (platform/local_host_files.cpp).
#include "platform/local_host.h"

#include <sys/statvfs.h>
#include <sys/utsname.h>

#include <cerrno>
#include <cstring>

namespace examready::platform {

VolumeResult LocalHost::volume_stats(const std::string& path) {
  VolumeResult result;
  struct statvfs vfs {};
  if (::statvfs(path.c_str(), &vfs) != 0) {
    result.error_number = errno;
    result.error = std::string("statvfs ") + path + ": " + std::strerror(errno);
    return result;
  }
  // f_bavail, not f_bfree: blocks reserved for root are not available to the exam app.
  result.stats = VolumeStats{
      .free_bytes = static_cast<std::uint64_t>(vfs.f_bavail) * vfs.f_frsize,
      .total_bytes = static_cast<std::uint64_t>(vfs.f_blocks) * vfs.f_frsize,
  };
  return result;
}

std::vector<std::string> LocalHost::list_cameras() { return list_camera_devices(); }

std::vector<CameraMode> LocalHost::camera_modes(const std::string& device) {
  return platform::camera_modes(device);
}

std::vector<FileHolder> LocalHost::processes_holding(const std::string& path) {
  return platform::processes_holding(path);
}

std::optional<OsAudioDevices> LocalHost::audio_devices(std::chrono::milliseconds timeout,
                                                       std::string& error) {
  return query_os_audio_devices(timeout, error);
}

std::optional<UnameInfo> LocalHost::uname() {
  struct utsname u {};
  if (::uname(&u) != 0) return std::nullopt;
  return UnameInfo{u.sysname, u.release, u.version, u.machine};
}

}  // namespace examready::platform
