// FakeHost: the in-memory file tree and canned commands used by tests.
#include "tests/support/fake_host.h"

#include <fstream>
#include <set>
#include <sstream>

namespace examready::test {

void FakeHost::add_file(const std::string& path, std::string content) {
  files_[path] = std::move(content);
}

void FakeHost::load_tree(const std::filesystem::path& dir, const std::string& mount_point) {
  namespace fs = std::filesystem;
  for (const auto& entry :
       fs::recursive_directory_iterator(dir, fs::directory_options::follow_directory_symlink)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    std::string relative = fs::relative(entry.path(), dir).generic_string();
    std::string root = mount_point;
    if (!root.empty() && root.back() == '/') root.pop_back();
    add_file(root + "/" + relative, content.str());
  }
}

void FakeHost::set_command(const std::vector<std::string>& argv, CommandResult result) {
  commands_[argv] = std::move(result);
}

void FakeHost::set_command_handler(
    std::function<CommandResult(const std::vector<std::string>&)> handler) {
  handler_ = std::move(handler);
}

void FakeHost::set_volume(const std::string& path, VolumeResult result) {
  volumes_[path] = std::move(result);
}

std::optional<std::string> FakeHost::read_file(const std::string& path) {
  if (auto it = files_.find(path); it != files_.end()) return it->second;
  return std::nullopt;
}

std::vector<std::string> FakeHost::list_dir(const std::string& path) {
  std::string prefix = path;
  if (prefix.empty() || prefix.back() != '/') prefix += '/';
  std::set<std::string> names;
  for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    std::string rest = it->first.substr(prefix.size());
    names.insert(rest.substr(0, rest.find('/')));
  }
  return {names.begin(), names.end()};
}

CommandResult FakeHost::run_command(const std::vector<std::string>& argv,
                                    std::chrono::milliseconds /*timeout*/) {
  if (auto it = commands_.find(argv); it != commands_.end()) return it->second;
  if (handler_) return handler_(argv);
  CommandResult missing;
  missing.err = "fake host: no such command";
  return missing;
}

VolumeResult FakeHost::volume_stats(const std::string& path) {
  if (auto it = volumes_.find(path); it != volumes_.end()) return it->second;
  VolumeResult missing;
  missing.error_number = 2;
  missing.error = "statvfs " + path + ": No such file or directory";
  return missing;
}

std::vector<platform::CameraMode> FakeHost::camera_modes(const std::string& device) {
  auto it = camera_modes_.find(device);
  return it == camera_modes_.end() ? std::vector<platform::CameraMode>{} : it->second;
}

std::vector<platform::FileHolder> FakeHost::processes_holding(const std::string& path) {
  auto it = holders_.find(path);
  return it == holders_.end() ? std::vector<platform::FileHolder>{} : it->second;
}

std::optional<platform::OsAudioDevices> FakeHost::audio_devices(std::chrono::milliseconds,
                                                                std::string& error) {
  if (!audio_) error = "no sound server in this fake";
  return audio_;
}

}  // namespace examready::test
