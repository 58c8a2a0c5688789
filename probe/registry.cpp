// The check table. Order is the display order; the runner schedules by `resource`.
#include "probe/registry.h"

#include <array>

#include "probe/android/phone_checks.h"
#include "probe/battery.h"
#include "probe/device.h"
#include "probe/os.h"
#include "probe/storage.h"

namespace examready::probe {
namespace {

using std::chrono::milliseconds;

const std::array kChecks = {
    CheckSpec{"os", "Operating system family, name, version, kernel and architecture", milliseconds(10000), "", run_os_check},
    CheckSpec{"device", "Vendor, model, device class, launch year and price tier", milliseconds(10000), "", run_device_check},
    CheckSpec{"storage", "Free and total bytes on the volume that holds recordings", milliseconds(10000), "", run_storage_check},
    CheckSpec{"battery", "Battery presence, charge level and charging state", milliseconds(10000), "", run_battery_check},
    // Phone-only checks (adb today). Each adb call has its own timeout well inside these.
    CheckSpec{"phone", "SIM, airplane mode, do-not-disturb, alarm clock and screen-off timeout of a phone", milliseconds(20000), "", android::run_phone_check},
    CheckSpec{"apps", "Watched apps installed or running; apps holding the camera or microphone", milliseconds(15000), "", android::run_apps_check},
    CheckSpec{"font", "System font scale of a phone", milliseconds(6000), "", android::run_font_check},
    CheckSpec{"phone_camera", "Number of cameras and best resolution a phone offers", milliseconds(6000), "", android::run_camera_check},
    CheckSpec{"phone_encoder", "Hardware video encoders a phone declares", milliseconds(20000), "", android::run_encoder_check},
    CheckSpec{"phone_network", "Default network type and Wi-Fi signal of a phone", milliseconds(10000), "", android::run_network_check},
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
