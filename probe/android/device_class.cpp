// device.class from the firmware's own characteristics.
#include "probe/android/device_class.h"

#include "probe/android/phone_shell.h"

namespace examready::probe::android {

void emit_device_class(CheckContext& ctx, const platform::android::AndroidDeviceFacts& facts,
                       std::string_view characteristics) {
  const std::string src = source(ctx, "getprop:ro.build.characteristics");
  if (facts.class_hint == "tablet") {
    ctx.emit(MetricId::kDeviceClass, std::string("tablet"), src);
  } else if (!characteristics.empty()) {
    ctx.emit(MetricId::kDeviceClass, std::string("phone"), src);
  }
}

}  // namespace examready::probe::android
