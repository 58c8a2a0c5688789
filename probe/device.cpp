// The `device` check on the local machine: vendor, brand, model and class.
#include "probe/device.h"

#include "platform/machine_facts.h"

namespace examready::probe {

Outcome run_device_check(CheckContext& ctx) {
  const auto facts = platform::read_machine_facts(ctx.host());
  if (!facts) return Outcome::unsupported("no DMI tables (container, or a machine without SMBIOS)");
  if (!facts->vendor.empty()) ctx.emit(MetricId::kDeviceVendor, facts->vendor, facts->source);
  if (!facts->brand.empty()) ctx.emit(MetricId::kDeviceBrand, facts->brand, facts->source);
  if (!facts->model.empty()) ctx.emit(MetricId::kDeviceModel, facts->model, facts->source);
  if (!facts->device_class) {
    return Outcome::ok("the chassis type names no device class (a server, a VM, or not set)");
  }
  ctx.emit(MetricId::kDeviceClass, *facts->device_class, facts->class_source);
  return Outcome::ok();
}

}  // namespace examready::probe
