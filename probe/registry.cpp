// The check table: one row per check, one function per transport (a missing one is answered
// `unsupported` by run_on_transport). Order is the display order; the runner schedules by
// `resource`.
#include "probe/registry.h"

#include <array>

#include "probe/android/checks.h"
#include "probe/battery.h"
#include "probe/camera.h"
#include "probe/device.h"
#include "probe/encoder.h"
#include "probe/font.h"
#include "probe/ios/checks.h"
#include "probe/microphone.h"
#include "probe/network/check.h"
#include "probe/os.h"
#include "probe/speaker.h"
#include "probe/storage.h"

namespace examready::probe {
namespace {

using std::chrono::milliseconds;

const std::array kChecks = {
    CheckSpec{"os",
              "Operating system family, name, version, kernel and architecture",
              milliseconds(10000),
              "",
              {.local = run_os_check,
               .adb = android::run_os_check,
               .ios = ios::run_os_check,
               .getprop_text = android::run_os_check}},
    CheckSpec{"device",
              "Vendor, model, device class, launch year and price tier",
              milliseconds(10000),
              "",
              {.local = run_device_check,
               .adb = android::run_device_check,
               .ios = ios::run_device_check,
               .getprop_text = android::run_device_check}},
    CheckSpec{"storage",
              "Free and total bytes on the volume that holds recordings",
              milliseconds(10000),
              "",
              {.local = run_storage_check,
               .adb = android::run_storage_check,
               .ios = ios::run_storage_check}},
    CheckSpec{"battery",
              "Battery presence, charge level and charging state",
              milliseconds(10000),
              "",
              {.local = run_battery_check,
               .adb = android::run_battery_check,
               .ios = ios::run_battery_check}},
    // Media: open + 2 s capture + a slow device's first frame; 2.5 s first-audio wait + 2 s.
    CheckSpec{"camera",
              "Camera opens, resolution, frame rate, brightness, dark and frozen frames",
              milliseconds(8000),
              "camera",
              {.local = run_camera_check, .adb = android::run_camera_check}},
    CheckSpec{"microphone",
              "Microphone level, clipping, noise floor, sample rate, digital silence",
              milliseconds(8000),
              "audio",
              {.local = run_microphone_check}},
    CheckSpec{"speaker",
              "A test tone played on the speaker and heard by the microphone",
              milliseconds(7000),
              "audio",
              {.local = run_speaker_check}},
    CheckSpec{"encoder",
              "H.264 encoders available and 1080p30/720p30 encode speed, CPU time, bitrate",
              milliseconds(20000),
              "cpu",
              {.local = run_encoder_check, .adb = android::run_encoder_check}},
    // Phone-only checks. Each adb call has its own timeout well inside these.
    CheckSpec{"phone",
              "SIM, airplane mode, do-not-disturb, alarm clock, screen-off timeout, screen "
              "capture or casting, and bonded Bluetooth watches and bands of a phone",
              milliseconds(20000),
              "",
              {.adb = android::run_phone_check}},
    // Five shell commands of up to 4 s each, then one per exam app (deadline extension).
    CheckSpec{"apps",
              "Watched apps installed, running or with notifications on; the exam apps "
              "installed and their versions; apps holding the camera or microphone",
              milliseconds(24000),
              "",
              {.adb = android::run_apps_check},
              android::apps_deadline_extension},
    CheckSpec{"font",
              "Text size: the font scale; a computer's display scale and UI font",
              milliseconds(6000),
              "",
              {.local = run_font_check, .adb = android::run_font_check}},
    // "cpu": the encoder benchmark would distort the timing. ~6 s of phases on a steady
    // link, up to 16.4 s when every phase takes its longest (docs/NETWORK_METHOD.md).
    CheckSpec{"network",
              "Latency, throughput, stability, loss and clock skew against the collector",
              milliseconds(18000),
              "cpu",
              {.local = run_network_check, .adb = android::run_network_check},
              network_deadline_extension},
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
