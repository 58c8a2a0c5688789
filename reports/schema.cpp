// The report schema, compiled once, and the entry points (schema.h).
#include "reports/schema.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "core/metric.h"
#include "core/result_json.h"
#include "reports/ids.h"
#include "reports/report_schema_text.h"
#include "reports/schema_limits.h"
#include "reports/schema_validator.h"

namespace examready::reports {
namespace {

const CompiledSchema& compiled_schema() {
  static const CompiledSchema schema(nlohmann::json::parse(kReportSchemaText));
  return schema;
}

// JSON Schema cannot say "unique by name" of objects in an array.
std::optional<SchemaError> duplicate_check_name(const nlohmann::json& document) {
  const auto& checks = document.at("checks");
  for (std::size_t i = 0; i < checks.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (checks[i].at("name") == checks[j].at("name")) {
        return SchemaError{"/checks/" + std::to_string(i) + "/name",
                           "duplicate check name " + checks[i].at("name").dump()};
      }
    }
  }
  return std::nullopt;
}

// A time the schema's pattern lets through, checked against the calendar ("2026-13-45T99:99:99Z"
// has the shape): evaluation counts launch dates from it.
bool real_utc_time(const std::string& text) { return parse_utc(text).has_value(); }

// What a measurement's value can be, beyond its JSON type: a year is a year, a percentage
// at most 100, a count or size not negative.
std::optional<std::string> out_of_range(const core::MetricInfo& info, const nlohmann::json& value) {
  if (!value.is_number()) return std::nullopt;
  const double x = value.get<double>();
  using core::Unit;
  switch (info.unit) {
    case Unit::kYear:
      if (x < 1970 || x > 2100) return "a year outside 1970-2100";
      break;
    case Unit::kPercent:
      if (x < 0 || x > 100) return "a percentage outside 0-100";
      break;
    case Unit::kBytes:
    case Unit::kRatio:
    case Unit::kSeconds:
    case Unit::kMinutes:
    case Unit::kBitsPerSecond:
    case Unit::kFramesPerSecond:
    case Unit::kHertz:
    case Unit::kPixels:
    case Unit::kCount:
    case Unit::kRoundTripsPerMinute:
      if (x < 0) return std::string("a negative value");
      break;
    default:
      break;
  }
  if (info.id == core::MetricId::kDeviceLaunchMonth && (x < 1 || x > 12)) {
    return "a month outside 1-12";
  }
  return std::nullopt;
}

// What JSON Schema does not say of the checks: each measurement belongs to its check
// ("storage.free_bytes" inside "os" would be read as the storage check's), fits its metric's
// type and range, and a launch range does not end before it begins.
std::optional<SchemaError> measurement_error(const nlohmann::json& document) {
  const auto& checks = document.at("checks");
  for (std::size_t i = 0; i < checks.size(); ++i) {
    const std::string check = checks[i].at("name");
    const std::string base = "/checks/" + std::to_string(i) + "/measurements/";
    const auto& measurements = checks[i].at("measurements");
    for (const auto& [name, entry] : measurements.items()) {
      const auto id = core::find_metric(name);
      if (!id) return SchemaError{base + name, "unknown metric " + name};
      const core::MetricInfo& info = core::metric_info(*id);
      if (info.group() != check) {
        return SchemaError{base + name, name + " belongs to the " + std::string(info.group()) +
                                            " check, not to " + check};
      }
      const auto& value = entry.at("value");
      try {
        core::value_from_json(info, value);
      } catch (const std::invalid_argument& e) {
        return SchemaError{base + name + "/value", e.what()};
      }
      if (auto problem = out_of_range(info, value)) {
        return SchemaError{base + name + "/value", name + ": " + *problem};
      }
    }
    if (measurements.contains("device.launch_year") &&
        measurements.contains("device.launch_year_latest") &&
        measurements["device.launch_year_latest"].at("value") <
            measurements["device.launch_year"].at("value")) {
      return SchemaError{base + "device.launch_year_latest/value",
                         "device.launch_year_latest: before device.launch_year"};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view report_schema_text() { return kReportSchemaText; }

const TextLimits& report_text_limits() {
  static const TextLimits limits = [] {
    const CompiledSchema& schema = compiled_schema();
    TextLimits l;
    l.max_string_bytes = 4 * schema.largest_max_length();
    l.max_items = schema.largest_max_items();
    l.max_members = schema.largest_max_properties();
    return l;
  }();
  return limits;
}

std::vector<SchemaError> validate_report(const nlohmann::json& document) {
  if (auto error = compiled_schema().validate(document)) return {*error};
  if (auto error = duplicate_check_name(document)) return {*error};
  if (!real_utc_time(document.at("created_at"))) {
    return {SchemaError{"/created_at", "not a real date and time"}};
  }
  if (document.contains("evaluation") &&
      !real_utc_time(document["evaluation"].at("evaluated_at"))) {
    return {SchemaError{"/evaluation/evaluated_at", "not a real date and time"}};
  }
  if (auto error = measurement_error(document)) return {*error};
  return {};
}

std::optional<SchemaError> parse_report(std::string_view text, nlohmann::json& document) {
  if (auto error = parse_bounded(text, report_text_limits(), document)) return error;
  auto errors = validate_report(document);
  if (!errors.empty()) return errors.front();
  return std::nullopt;
}

}  // namespace examready::reports
