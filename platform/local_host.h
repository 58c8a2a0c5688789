// The Host for the machine the probe runs on (its own library, examready_platform_local:
// the sound server's and the cameras' facts come with it).
#pragma once

#include "platform/host.h"

namespace examready::platform {

class LocalHost final : public Host {
 public:
  std::optional<std::string> read_file(const std::string& path) override;
  std::vector<std::string> list_dir(const std::string& path) override;
  CommandResult run_command(const std::vector<std::string>& argv,
                            std::chrono::milliseconds timeout) override;
  VolumeResult volume_stats(const std::string& path) override;
  std::optional<UnameInfo> uname() override;
  std::vector<std::string> list_cameras() override;
  std::vector<CameraMode> camera_modes(const std::string& device) override;
  std::vector<FileHolder> processes_holding(const std::string& path) override;
  std::optional<OsAudioDevices> audio_devices(std::chrono::milliseconds timeout,
                                              std::string& error) override;
};

}  // namespace examready::platform
