// executable_dir on Linux: the kernel's link to the running binary.
#include "platform/files.h"

#include <system_error>

namespace examready::platform {

std::filesystem::path executable_dir() {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : self.parent_path();
}

}  // namespace examready::platform
