// The `os` check of an iPhone/iPad over libimobiledevice: ProductVersion and device class.
#include "probe/ios/checks.h"

#include "core/measurement_list.h"
#include "core/text.h"
#include "probe/ios/lockdown.h"

namespace examready::probe::ios {

Outcome run_os_check(CheckContext& ctx) {
  Outcome failure;
  auto v = query(ctx, {"ideviceinfo"}, failure);
  if (!v) return failure;
  const std::string src = "ios:ideviceinfo";
  ctx.emit(MetricId::kOsFamily, std::string("ios"), src);
  const std::string version = get(*v, "ProductVersion");
  const bool ipad = get(*v, "DeviceClass") == "iPad";
  ctx.emit(MetricId::kOsName,
           std::string(ipad && core::text::to_int(version.substr(0, version.find('.'))).value_or(0) >= 13
                           ? "iPadOS"
                           : "iOS"),
           src);
  // Not a version (a broken or hostile lockdown answer): left out, as on Android.
  if (core::plausible_version(version)) ctx.emit(MetricId::kOsVersion, version, src);
  if (auto arch = get(*v, "CPUArchitecture"); !arch.empty()) ctx.emit(MetricId::kOsArch, arch, src);
  return Outcome::ok();
}

}  // namespace examready::probe::ios
