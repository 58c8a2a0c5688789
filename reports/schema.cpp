// The report schema, compiled once, and the entry points (schema.h).
#include "reports/schema.h"

#include <algorithm>

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
  return {};
}

std::optional<SchemaError> parse_report(std::string_view text, nlohmann::json& document) {
  if (auto error = parse_bounded(text, report_text_limits(), document)) return error;
  auto errors = validate_report(document);
  if (!errors.empty()) return errors.front();
  return std::nullopt;
}

}  // namespace examready::reports
