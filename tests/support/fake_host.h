// An in-memory Host for tests: a fake file tree (loadable from a fixture directory),
// canned command results and volume statistics.
#pragma once

#include <filesystem>
#include <functional>
#include <map>

#include "platform/host.h"

namespace examready::test {

using platform::CommandResult;
using platform::UnameInfo;
using platform::VolumeResult;

class FakeHost final : public platform::Host {
 public:
  void add_file(const std::string& path, std::string content);
  // Copies every regular file under `dir` into the fake tree, rooted at `mount_point`
  // (symlinks are followed, as sysfs fixtures captured with `cp -rL` are plain files).
  void load_tree(const std::filesystem::path& dir, const std::string& mount_point);
  void set_command(const std::vector<std::string>& argv, CommandResult result);
  // A handler for commands not set explicitly (e.g. to replay a transcript).
  void set_command_handler(std::function<CommandResult(const std::vector<std::string>&)> handler);
  void set_volume(const std::string& path, VolumeResult result);
  void set_uname(std::optional<UnameInfo> info) { uname_ = std::move(info); }

  std::optional<std::string> read_file(const std::string& path) override;
  std::vector<std::string> list_dir(const std::string& path) override;
  CommandResult run_command(const std::vector<std::string>& argv,
                            std::chrono::milliseconds timeout) override;
  VolumeResult volume_stats(const std::string& path) override;
  std::optional<UnameInfo> uname() override { return uname_; }

  // The OS's view of cameras, holders and audio devices, as a test sets it.
  void set_cameras(std::vector<std::string> devices) { cameras_ = std::move(devices); }
  void set_camera_modes(const std::string& device, std::vector<platform::CameraMode> modes) {
    camera_modes_[device] = std::move(modes);
  }
  void set_holders(const std::string& path, std::vector<platform::FileHolder> holders) {
    holders_[path] = std::move(holders);
  }
  // nullopt: no sound server to ask.
  void set_audio_devices(std::optional<platform::OsAudioDevices> devices) {
    audio_ = std::move(devices);
  }
  std::vector<std::string> list_cameras() override { return cameras_; }
  std::vector<platform::CameraMode> camera_modes(const std::string& device) override;
  std::vector<platform::FileHolder> processes_holding(const std::string& path) override;
  std::optional<platform::OsAudioDevices> audio_devices(std::chrono::milliseconds timeout,
                                                        std::string& error) override;

 private:
  std::map<std::string, std::string> files_;
  std::map<std::vector<std::string>, CommandResult> commands_;
  std::function<CommandResult(const std::vector<std::string>&)> handler_;
  std::map<std::string, VolumeResult> volumes_;
  std::optional<UnameInfo> uname_;
  std::vector<std::string> cameras_;
  std::map<std::string, std::vector<platform::CameraMode>> camera_modes_;
  std::map<std::string, std::vector<platform::FileHolder>> holders_;
  std::optional<platform::OsAudioDevices> audio_;
};

}  // namespace examready::test
