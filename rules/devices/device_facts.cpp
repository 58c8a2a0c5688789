// Device facts: the database lookup, with OS fallbacks, each fact with its source.
#include "rules/devices/device_facts.h"

#include "core/text.h"

#include <algorithm>
#include <cctype>

namespace examready::devices {
namespace {

using core::text::lower;
using core::text::trim;

// ro.build.characteristics is a comma-separated word list ("nosdcard,tablet").
bool has_word(std::string_view list, std::string_view word) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (trim(list.substr(0, comma)) == word) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

std::optional<SourcedFact> class_from_os(std::string_view model, std::string_view hint) {
  model = trim(model);
  if (is_apple_identifier(model)) {
    if (model.substr(0, 4) == "iPad")
      return SourcedFact{"tablet", std::string(kAppleIdentifierSource)};
    if (model.substr(0, 6) == "iPhone")
      return SourcedFact{"phone", std::string(kAppleIdentifierSource)};
    return std::nullopt;  // an iPod touch is neither
  }
  hint = trim(hint);
  if (hint.empty()) return std::nullopt;
  return SourcedFact{has_word(lower(hint), "tablet") ? "tablet" : "phone",
                     std::string(kCharacteristicsSource)};
}

}  // namespace

DeviceFacts device_facts(const DeviceDb& db, std::string_view model, std::string_view codename,
                         std::string_view brand, std::string_view os_class_hint) {
  DeviceFacts facts;
  facts.match = db.lookup(model, codename, brand);
  if (const DeviceRecord* record = facts.match.record) {
    facts.brand = SourcedFact{record->brand, std::string(kDeviceDbSource)};
    facts.device_class = SourcedFact{record->device_class, std::string(kDeviceDbSource)};
    return facts;
  }
  if (const std::string os_brand = lower(trim(brand)); !os_brand.empty()) {
    facts.brand = SourcedFact{os_brand, std::string(kOsBrandSource)};
  }
  facts.device_class = class_from_os(model, os_class_hint);
  return facts;
}

DeviceFacts emit_device_facts(core::MeasurementList& out, const DeviceDb& db,
                              std::string_view model, std::string_view codename,
                              std::string_view brand, std::string_view os_class_hint) {
  using core::MetricId;
  DeviceFacts facts = device_facts(db, model, codename, brand, os_class_hint);
  const std::string db_source(kDeviceDbSource);
  out.emit(MetricId::kDeviceDbMatch, std::string(to_string(facts.match.kind)), db_source);
  if (facts.brand) out.emit(MetricId::kDeviceBrand, facts.brand->value, facts.brand->source);
  if (facts.device_class) {
    out.emit(MetricId::kDeviceClass, facts.device_class->value, facts.device_class->source);
  }
  if (const DeviceRecord* record = facts.match.record) {
    out.emit(MetricId::kDeviceSeries, record->series, db_source);
    out.emit(MetricId::kDeviceMarketingName, record->marketing_name, db_source);
    out.emit(MetricId::kDeviceLaunchYear, std::int64_t{record->launch_year}, db_source);
    if (record->launch_month != 0) {
      out.emit(MetricId::kDeviceLaunchMonth, std::int64_t{record->launch_month}, db_source);
    }
    out.emit(MetricId::kDevicePriceTier, record->price_tier, db_source);
  }
  return facts;
}

}  // namespace examready::devices
