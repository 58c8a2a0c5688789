// Linux: the /proc/*/fd scan behind platform/file_holders.h (what fuser(1) does, without the
// dependency).
#include "platform/file_holders.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace examready::platform {
namespace {

bool same_file(const struct stat& a, const struct stat& b) {
  if (S_ISCHR(a.st_mode) || S_ISBLK(a.st_mode))
    return a.st_mode == b.st_mode && a.st_rdev == b.st_rdev;
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

std::string read_comm(const std::filesystem::path& dir) {
  std::ifstream in(dir / "comm");
  std::string comm;
  std::getline(in, comm);
  return comm;
}

}  // namespace

std::vector<FileHolder> processes_holding(const std::string& path, const std::string& proc_root) {
  std::vector<FileHolder> holders;
  struct stat target {};
  if (::stat(path.c_str(), &target) != 0) return holders;
  std::error_code ec;
  for (const auto& process : std::filesystem::directory_iterator(proc_root, ec)) {
    const std::string name = process.path().filename().string();
    if (name.empty() ||
        !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    std::error_code fd_ec;
    for (const auto& fd : std::filesystem::directory_iterator(process.path() / "fd", fd_ec)) {
      struct stat st {};
      if (::stat(fd.path().c_str(), &st) == 0 && same_file(st, target)) {
        holders.push_back({std::atoi(name.c_str()), read_comm(process.path())});
        break;
      }
    }
  }
  std::sort(holders.begin(), holders.end(),
            [](const FileHolder& a, const FileHolder& b) { return a.pid < b.pid; });
  return holders;
}

std::string_view holders_source() { return "/proc/*/fd"; }

}  // namespace examready::platform
