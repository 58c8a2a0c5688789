// LocalHost on Windows: GetDiskFreeSpaceExW and the Windows version (file reads and commands
// are every OS's, platform/local_host_files.cpp). Cameras, audio devices and who holds them
// are not listed yet (Media Foundation and WASAPI's session manager are later steps), so
// those answers are empty, as on a phone transport.
#include "platform/local_host.h"

#include <windows.h>

#include "platform/windows/wide_text.h"
#include "platform/windows/windows_version.h"

namespace examready::platform {

VolumeResult LocalHost::volume_stats(const std::string& path) {
  VolumeResult result;
  result.source = "GetDiskFreeSpaceExW";
  ULARGE_INTEGER available{}, total{};
  // Available to this user: quotas count, as for the exam app that will record there.
  if (!::GetDiskFreeSpaceExW(windows::widen(path).c_str(), &available, &total, nullptr)) {
    const DWORD code = ::GetLastError();
    result.error_number = code == ERROR_ACCESS_DENIED ? EACCES : static_cast<int>(code);
    result.error = "GetDiskFreeSpaceExW " + path + ": " + windows::error_text(code);
    return result;
  }
  result.stats = VolumeStats{.free_bytes = available.QuadPart, .total_bytes = total.QuadPart};
  return result;
}

std::optional<UnameInfo> LocalHost::uname() {
  const auto version = windows::rtl_version();
  if (!version) return std::nullopt;
  const std::string release = std::to_string(version->major) + "." +
                              std::to_string(version->minor) + "." + std::to_string(version->build);
  return UnameInfo{"Windows", release, std::to_string(version->build),
                   windows::native_architecture()};
}

std::vector<std::string> LocalHost::list_cameras() { return {}; }

std::vector<CameraMode> LocalHost::camera_modes(const std::string& /*device*/) { return {}; }

std::vector<FileHolder> LocalHost::processes_holding(const std::string& /*path*/) { return {}; }

std::optional<OsAudioDevices> LocalHost::audio_devices(std::chrono::milliseconds /*timeout*/,
                                                       std::string& error) {
  error = "the Windows build does not ask the audio service yet";
  return std::nullopt;
}

}  // namespace examready::platform
