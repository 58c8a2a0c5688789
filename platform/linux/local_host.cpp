// LocalHost on Linux: plain file reads, statvfs and uname.
#include "platform/local_host.h"

#include <sys/statvfs.h>
#include <sys/utsname.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "platform/command.h"

namespace examready::platform {

std::optional<std::string> LocalHost::read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;  // e.g. EIO from a sysfs attribute the driver refuses
  return content.str();
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

std::optional<UnameInfo> LocalHost::uname() {
  struct utsname u {};
  if (::uname(&u) != 0) return std::nullopt;
  return UnameInfo{u.sysname, u.release, u.version, u.machine};
}

}  // namespace examready::platform
