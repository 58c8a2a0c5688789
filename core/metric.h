// The metric catalog (generated from metrics.def) and the typed values checks emit.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace examready::core {

enum class MetricType { kInvalid, kString, kInteger, kNumber, kBoolean, kVersion, kStringList };

enum class Unit {
  kInvalid,
  kNone,
  kBytes,
  kPercent,
  kRatio,
  kMilliseconds,
  kSeconds,
  kMinutes,
  kBitsPerSecond,
  kFramesPerSecond,
  kDbfs,
  kDbm,
  kHertz,
  kPixels,
  kYear,
  kCount,
  kRoundTripsPerMinute,
};

enum class MetricId : std::uint16_t {
#define EXAMREADY_METRIC(id, name, type, unit, description) id,
#include "core/metrics.def"
#undef EXAMREADY_METRIC
  kCount_
};

struct MetricInfo {
  MetricId id;
  std::string_view name;
  MetricType type;
  Unit unit;
  std::string_view description;

  // "storage" for "storage.free_bytes": the check (or "exam" for derived metrics).
  std::string_view group() const { return name.substr(0, name.find('.')); }
};

std::span<const MetricInfo> metric_catalog();
const MetricInfo& metric_info(MetricId id);
std::optional<MetricId> find_metric(std::string_view name);

std::string_view to_string(MetricType type);
std::string_view to_string(Unit unit);  // "bytes", "ms", "bit/s", "" for kNone

// Version values are kept as the string the device reported ("7.1.2").
using Value = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

// True when the value's alternative is the one the metric's type requires.
bool value_matches(MetricType type, const Value& value);

// How much one measurement may hold: report.schema.json bounds it so (the collector and
// `examready evaluate` refuse a report beyond it), and tests/reports/schema_bounds_test.cpp
// keeps the two equal. The probe's emit() cuts what it measures to fit. Lengths are in
// Unicode code points (JSON Schema's maxLength); a UTF-8 cut at that many bytes always fits.
inline constexpr std::size_t kMaxTextValueChars = 512;  // a string (or version) value
inline constexpr std::size_t kMaxListItems = 256;       // a string list value
inline constexpr std::size_t kMaxListItemChars = 256;   // one item of a string list
inline constexpr std::size_t kMaxSourceChars = 256;     // Measurement::source
inline constexpr std::size_t kMaxMeasurementsPerCheck = 200;

struct Measurement {
  MetricId metric = MetricId::kCount_;
  Value value;
  std::string source;  // where the fact came from: "statvfs", "getprop", "device-db"…
};

}  // namespace examready::core
