// Fuzz target: the plain shell tools a phone check runs over adb (stat -f, df -k, pm list
// packages, ps -A, settings get, media_codecs XML) and `adb devices -l` on the PC.
#include <cstdint>

#include "platform/android/adb_devices.h"
#include "platform/android/shell_text.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;
namespace pa = examready::platform::android;

namespace {

void check_volume(const std::optional<platform::VolumeStats>& volume) {
  if (volume && volume->free_bytes > volume->total_bytes) {
    fuzz::invariant_failed("more free bytes than the volume holds");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  check_volume(pa::parse_stat_f(text));
  check_volume(pa::parse_df_k(text));
  (void)pa::parse_pm_packages(text);
  (void)pa::parse_ps_names(text);
  (void)pa::parse_setting(text);
  (void)pa::parse_hardware_video_encoders(text);
  const std::vector<pa::AdbDevice> devices = pa::parse_adb_devices(text);
  const pa::AdbPick any = pa::pick_adb_device(devices, "");
  if (any.device.has_value() == (any.error != pa::AdbPickError::kNone)) {
    fuzz::invariant_failed("a pick is either a device or an error");
  }
  if (!devices.empty()) (void)pa::pick_adb_device(devices, devices.back().serial);
  return 0;
}
