// The check table. Order is the display order; the runner schedules by `resource`.
#include "probe/registry.h"

#include <array>

#include "probe/battery.h"
#include "probe/camera.h"
#include "probe/device.h"
#include "probe/encoder.h"
#include "probe/microphone.h"
#include "probe/os.h"
#include "probe/speaker.h"
#include "probe/storage.h"

namespace examready::probe {
namespace {

using std::chrono::milliseconds;

const std::array kChecks = {
    CheckSpec{"os", "Operating system family, name, version, kernel and architecture", milliseconds(2000), "", run_os_check},
    CheckSpec{"device", "Vendor, model, device class, launch year and price tier", milliseconds(2000), "", run_device_check},
    CheckSpec{"storage", "Free and total bytes on the volume that holds recordings", milliseconds(3000), "", run_storage_check},
    CheckSpec{"battery", "Battery presence, charge level and charging state", milliseconds(2000), "", run_battery_check},
    // Media: open + 2 s capture + a slow device's first frame; 2.5 s first-audio wait + 2 s.
    CheckSpec{"camera", "Camera opens, resolution, frame rate, brightness, dark and frozen frames", milliseconds(8000), "camera", run_camera_check},
    CheckSpec{"microphone", "Microphone level, clipping, noise floor, sample rate, digital silence", milliseconds(8000), "audio", run_microphone_check},
    CheckSpec{"speaker", "A test tone played on the speaker and heard by the microphone", milliseconds(7000), "audio", run_speaker_check},
    CheckSpec{"encoder", "H.264 encoders available and 1080p30/720p30 encode speed, CPU time, bitrate", milliseconds(12000), "cpu", run_encoder_check},
};

}  // namespace

std::span<const CheckSpec> all_checks() { return kChecks; }

const CheckSpec* find_check(std::string_view name) {
  for (const auto& check : kChecks) {
    if (check.name == name) return &check;
  }
  return nullptr;
}

}  // namespace examready::probe
