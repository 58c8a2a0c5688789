// Device facts from the shipped database, emitted with their sources.
#include "probe/emit_device_facts.h"

namespace examready::probe {

devices::DeviceMatch emit_device_facts(CheckContext& ctx, std::string_view model, std::string_view codename,
                              std::string_view brand, std::string_view os_class_hint) {
  const devices::DeviceFacts facts =
      devices::device_facts(devices::DeviceDb::shipped(), model, codename, brand, os_class_hint);
  const std::string db_source(devices::kDeviceDbSource);
  ctx.emit(MetricId::kDeviceDbMatch, std::string(to_string(facts.match.kind)), db_source);
  if (facts.brand) ctx.emit(MetricId::kDeviceBrand, facts.brand->value, facts.brand->source);
  if (facts.device_class) {
    ctx.emit(MetricId::kDeviceClass, facts.device_class->value, facts.device_class->source);
  }
  if (const devices::DeviceRecord* record = facts.match.record) {
    ctx.emit(MetricId::kDeviceSeries, record->series, db_source);
    ctx.emit(MetricId::kDeviceMarketingName, record->marketing_name, db_source);
    ctx.emit(MetricId::kDeviceLaunchYear, std::int64_t{record->launch_year}, db_source);
    ctx.emit(MetricId::kDevicePriceTier, record->price_tier, db_source);
  }
  return facts.match;
}
}  // namespace examready::probe
