// LocalHost on Linux: plain file reads, statvfs, uname, V4L2 cameras, /proc fd holders and
// the sound server (PulseAudio or PipeWire).
#include "platform/local_host.h"

#include <sys/statvfs.h>
#include <sys/utsname.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "platform/command.h"
#include "platform/files.h"

namespace examready::platform {

std::optional<std::string> LocalHost::read_file(const std::string& path) {
  // Attribute and configuration files are small; the bound keeps a mistaken path (a device,
  // a huge log) from costing memory.
  constexpr std::size_t kMaxBytes = 16 << 20;
  std::string error;
  return read_text_file(path, kMaxBytes, error);
}

std::vector<std::string> LocalHost::list_dir(const std::string& path) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

CommandResult LocalHost::run_command(const std::vector<std::string>& argv,
                                     std::chrono::milliseconds timeout) {
  return run_process(argv, timeout);
}

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
