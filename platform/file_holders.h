// Which processes hold a file open: the answer to "the camera is busy — who has it?".
#pragma once

#include <string>
#include <vector>

namespace examready::platform {

struct FileHolder {
  int pid = 0;
  std::string command;  // /proc/PID/comm
};

// Scans proc_root/*/fd/* for descriptors referring to the same inode as `path` (device
// nodes compare by device number, so /dev/v4l/by-id links match too). Processes whose fd
// directory we may not read are skipped; the result is sorted by pid.
std::vector<FileHolder> processes_holding(const std::string& path,
                                          const std::string& proc_root = "/proc");

// "zoom (pid 4242)" for messages and the held_by metric.
inline std::string describe(const FileHolder& holder) {
  return (holder.command.empty() ? std::string("?") : holder.command) + " (pid " +
         std::to_string(holder.pid) + ")";
}

// Where processes_holding looked, for the measurement's source ("/proc/*/fd").
std::string_view holders_source();

}  // namespace examready::platform
