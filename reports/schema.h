// Validation of report documents against reports/schema/report.schema.json (compiled into
// the binary, so the server and the probe agree on one contract), first error only, with
// every size checked before any pattern (schema_validator.h).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace examready::reports {

struct SchemaError {
  std::string path;  // JSON pointer, e.g. "/checks/0/status" ("" when the text is not JSON)
  std::string message;
};

std::string_view report_schema_text();

// Empty when the document is a valid report; otherwise its first error (one entry). Beyond
// the schema: check names must be unique.
std::vector<SchemaError> validate_report(const nlohmann::json& document);

// A report's text parsed within the schema's bounds (schema_limits.h), then validated: the
// document, or the first error. What the collector does with every upload.
std::optional<SchemaError> parse_report(std::string_view text, nlohmann::json& document);

}  // namespace examready::reports
