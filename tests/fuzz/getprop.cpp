// Fuzz target: `getprop` text, pasted by a candidate (--from-getprop) or read over adb: the
// property map, the OS and device facts drawn from it and the device-database lookup.
#include <cstdint>

#include "platform/android/android_facts.h"
#include "platform/android/getprop.h"
#include "rules/devices/device_facts.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;
namespace pa = examready::platform::android;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const pa::PropertyMap props = pa::parse_getprop(fuzz::as_text(data, size));
  const pa::AndroidOsFacts os = pa::android_os_facts(props);
  if (os.family != "android" && os.family != "harmonyos") {
    fuzz::invariant_failed("OS family", os.family);
  }
  const pa::AndroidDeviceFacts device = pa::android_device_facts(props);
  (void)pa::sim_state(pa::prop(props, "gsm.sim.state"));
  (void)devices::device_facts(devices::DeviceDb::shipped(), device.model, device.codename,
                              device.brand, pa::prop(props, "ro.build.characteristics"));
  return 0;
}
