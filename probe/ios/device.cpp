// The `device` check of an iPhone/iPad: ProductType, then the device database. DeviceName,
// SerialNumber and the UDID are never emitted.
#include "probe/ios/checks.h"

#include "probe/emit_device_facts.h"
#include "probe/ios/lockdown.h"

namespace examready::probe::ios {

Outcome run_device_check(CheckContext& ctx) {
  Outcome failure;
  auto v = query(ctx, {"ideviceinfo"}, failure);
  if (!v) return failure;
  const std::string src = "ios:ideviceinfo";
  ctx.emit(MetricId::kDeviceVendor, std::string("Apple"), src);
  const std::string type = get(*v, "ProductType");
  if (!type.empty()) ctx.emit(MetricId::kDeviceModel, type, src);
  if (auto hw = get(*v, "HardwareModel"); !hw.empty()) ctx.emit(MetricId::kDeviceCodename, hw, src);
  // DeviceClass (iPhone, iPad, iPod) is the class hint for identifiers the database lacks.
  const std::string device_class = get(*v, "DeviceClass");
  const std::string hint = device_class == "iPad"     ? "tablet"
                           : device_class == "iPhone" ? "phone"
                                                      : "";
  const devices::DeviceMatch match = emit_device_facts(ctx, type, {}, "Apple", hint);
  if (type.empty()) return Outcome::ok("ideviceinfo names no ProductType");
  if (!match.record) return Outcome::ok(type + " is not in the device database");
  return Outcome::ok();
}

}  // namespace examready::probe::ios
