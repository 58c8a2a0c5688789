// LocalHost's file reads and commands, the same on every OS. Paths are UTF-8 text and go to
// the OS as such (on Windows as the wide paths it takes, whatever the process's code page).
#include <algorithm>
#include <filesystem>

#include "platform/command.h"
#include "platform/files.h"
#include "platform/local_host.h"

namespace examready::platform {
namespace {

std::filesystem::path utf8_path(const std::string& text) {
  return std::filesystem::path(std::u8string(text.begin(), text.end()));
}

}  // namespace

std::optional<std::string> LocalHost::read_file(const std::string& path) {
  // Attribute and configuration files are small; the bound keeps a mistaken path (a device,
  // a huge log) from costing memory.
  constexpr std::size_t kMaxBytes = 16 << 20;
  std::string error;
  return read_text_file(utf8_path(path), kMaxBytes, error);
}

std::vector<std::string> LocalHost::list_dir(const std::string& path) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(utf8_path(path), ec)) {
    const std::u8string name = entry.path().filename().u8string();
    names.emplace_back(name.begin(), name.end());
  }
  std::sort(names.begin(), names.end());
  return names;
}

CommandResult LocalHost::run_command(const std::vector<std::string>& argv,
                                     std::chrono::milliseconds timeout) {
  return run_process(argv, timeout);
}

}  // namespace examready::platform
