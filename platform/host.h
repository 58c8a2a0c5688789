// The one interface through which checks reach the device: files, directories, commands,
// volume statistics, and the OS's view of cameras, audio devices and who holds a device.
// The local machine (LocalHost), the phone transports (adb, iOS, pasted getprop) and the
// tests' FakeHost implement it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/audio_devices.h"
#include "platform/camera_devices.h"
#include "platform/file_holders.h"

namespace examready::platform {

struct CommandResult {
  bool started = false;    // false: the program could not be executed at all
  bool timed_out = false;  // killed at the deadline
  bool overflowed = false;  // printed more than its output cap: the rest was dropped
  int exit_code = -1;      // valid when started and not timed out
  std::string out;
  std::string err;

  bool ok() const { return started && !timed_out && exit_code == 0; }
};

struct VolumeStats {
  std::uint64_t free_bytes = 0;   // available to an unprivileged user (f_bavail)
  std::uint64_t total_bytes = 0;
};

struct UnameInfo {
  std::string sysname, release, version, machine;
};

// Errors are values: a missing file is nullopt, a failed statvfs carries errno text.
struct VolumeResult {
  std::optional<VolumeStats> stats;
  int error_number = 0;
  std::string error;
  std::string source = "statvfs";  // the OS call that answered (Windows: GetDiskFreeSpaceExW)
};

class Host {
 public:
  virtual ~Host() = default;

  virtual std::optional<std::string> read_file(const std::string& path) = 0;
  // Entry names (not paths) of a directory, sorted; empty when it does not exist.
  virtual std::vector<std::string> list_dir(const std::string& path) = 0;
  virtual CommandResult run_command(const std::vector<std::string>& argv,
                                    std::chrono::milliseconds timeout) = 0;
  virtual VolumeResult volume_stats(const std::string& path) = 0;
  virtual std::optional<UnameInfo> uname() = 0;

  // Capture-capable cameras in numeric order ("/dev/video0", …) and the modes one offers.
  // A host that cannot see cameras (a phone transport) lists none.
  virtual std::vector<std::string> list_cameras() { return {}; }
  virtual std::vector<CameraMode> camera_modes(const std::string& /*device*/) { return {}; }
  // Who holds a device open ("zoom (pid 4242)"): the answer to "the camera is busy".
  virtual std::vector<FileHolder> processes_holding(const std::string& /*path*/) { return {}; }
  // What the sound server says about its devices and recording streams, bounded by
  // `timeout`; nullopt with `error` set where there is no server to ask.
  virtual std::optional<OsAudioDevices> audio_devices(std::chrono::milliseconds /*timeout*/,
                                                      std::string& error) {
    error = "this host has no sound server to ask";
    return std::nullopt;
  }
};

}  // namespace examready::platform
