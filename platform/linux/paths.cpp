// Where things are on Linux: the running binary (/proc/self/exe) and the user's home.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <system_error>

#include "platform/files.h"

namespace examready::platform {

std::filesystem::path executable_dir() {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : self.parent_path();
}

std::filesystem::path home_directory() {
  if (const char* home = std::getenv("HOME"); home && *home) return home;
  if (const passwd* pw = ::getpwuid(::getuid())) return pw->pw_dir;
  return "/";
}

std::filesystem::path state_directory() {
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) {
    return std::filesystem::path(state) / "examready";
  }
  return home_directory() / ".local" / "state" / "examready";
}

}  // namespace examready::platform
