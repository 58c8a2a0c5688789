// The metric catalog table, built from metrics.def so each fact is declared once.
#include "core/metric.h"

#include <array>
#include <unordered_map>

namespace examready::core {
namespace {

constexpr std::array kCatalog = {
#define EXAMREADY_METRIC(id, name, type, unit, description) \
  MetricInfo{MetricId::id, name, MetricType::type, Unit::unit, description},
#include "core/metrics.def"
#undef EXAMREADY_METRIC
};
static_assert(kCatalog.size() == static_cast<std::size_t>(MetricId::kCount_));

}  // namespace

std::span<const MetricInfo> metric_catalog() { return kCatalog; }

const MetricInfo& metric_info(MetricId id) { return kCatalog.at(static_cast<std::size_t>(id)); }

std::optional<MetricId> find_metric(std::string_view name) {
  static const auto* const by_name = [] {
    auto* map = new std::unordered_map<std::string_view, MetricId>();
    for (const auto& info : kCatalog) map->emplace(info.name, info.id);
    return map;
  }();
  if (auto it = by_name->find(name); it != by_name->end()) return it->second;
  return std::nullopt;
}

std::string_view to_string(MetricType type) {
  switch (type) {
    case MetricType::kString: return "string";
    case MetricType::kInteger: return "integer";
    case MetricType::kNumber: return "number";
    case MetricType::kBoolean: return "boolean";
    case MetricType::kVersion: return "version";
    case MetricType::kStringList: return "string-list";
    case MetricType::kInvalid: break;
  }
  return "invalid";
}

std::string_view to_string(Unit unit) {
  switch (unit) {
    case Unit::kNone: return "";
    case Unit::kBytes: return "bytes";
    case Unit::kPercent: return "%";
    case Unit::kRatio: return "ratio";
    case Unit::kMilliseconds: return "ms";
    case Unit::kSeconds: return "s";
    case Unit::kMinutes: return "min";
    case Unit::kBitsPerSecond: return "bit/s";
    case Unit::kFramesPerSecond: return "fps";
    case Unit::kDbfs: return "dBFS";
    case Unit::kDbm: return "dBm";
    case Unit::kHertz: return "Hz";
    case Unit::kPixels: return "px";
    case Unit::kYear: return "year";
    case Unit::kCount: return "count";
    case Unit::kRoundTripsPerMinute: return "RPM";
    case Unit::kInvalid: break;
  }
  return "invalid";
}

bool value_matches(MetricType type, const Value& value) {
  switch (type) {
    case MetricType::kBoolean: return std::holds_alternative<bool>(value);
    case MetricType::kInteger: return std::holds_alternative<std::int64_t>(value);
    case MetricType::kNumber: return std::holds_alternative<double>(value);
    case MetricType::kString:
    case MetricType::kVersion: return std::holds_alternative<std::string>(value);
    case MetricType::kStringList: return std::holds_alternative<std::vector<std::string>>(value);
    case MetricType::kInvalid: break;
  }
  return false;
}

}  // namespace examready::core
